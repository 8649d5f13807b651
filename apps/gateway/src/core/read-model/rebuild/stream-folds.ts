import type { EventEnvelope } from '@tminus/contracts';
import {
  applyChecklistEvent,
  applyLaunchEvent,
  applyTeamEvent,
  applyTemplateEvent,
  viewKindOf,
  type ChecklistView,
  type LaunchView,
  type TeamView,
  type TemplateView,
} from '../domain';

/** One stream's document as the live projector would have stored it, and what else it wrote. */
export type FoldedDocument =
  | { readonly kind: 'launch'; readonly view: LaunchView }
  | { readonly kind: 'checklist'; readonly view: ChecklistView }
  | { readonly kind: 'team'; readonly view: TeamView }
  | { readonly kind: 'template'; readonly view: TemplateView };

export interface FoldedStream {
  readonly streamId: string;
  /** The last stream position applied (the positions table). */
  position: number;
  /** Null until an event created the document (an event of a view never created leaves none). */
  document: FoldedDocument | null;
  /** Every item id (checklists) or incident id (launches) any version of the document held: index rows. */
  readonly indexed: Set<string>;
  /** Read back from the tables after an eviction: its rows exist already, its write must upsert. */
  readonly stored: boolean;
}

/** The live projector writes a document only when its reducer returned a new, non-null view. */
function applied(document: FoldedDocument | null, envelope: EventEnvelope): FoldedDocument | null {
  const kind = document?.kind ?? viewKindOf(envelope.type);
  switch (kind) {
    case 'launch': {
      const previous = document?.kind === 'launch' ? document.view : null;
      const next = applyLaunchEvent(previous, envelope);
      return next === null || next === previous ? document : { kind, view: next };
    }
    case 'checklist': {
      const previous = document?.kind === 'checklist' ? document.view : null;
      const next = applyChecklistEvent(previous, envelope);
      return next === null || next === previous ? document : { kind, view: next };
    }
    case 'team': {
      const previous = document?.kind === 'team' ? document.view : null;
      const next = applyTeamEvent(previous, envelope);
      return next === null || next === previous ? document : { kind, view: next };
    }
    case 'template': {
      const previous = document?.kind === 'template' ? document.view : null;
      const next = applyTemplateEvent(previous, envelope);
      return next === null || next === previous ? document : { kind, view: next };
    }
    case null:
      return document;
  }
}

/** Item ids of a checklist, incident ids of a launch: the index rows `Documents.put*` adds. */
function indexedIds(document: FoldedDocument | null): readonly { readonly id: string }[] {
  if (document?.kind === 'checklist') return document.view.items;
  if (document?.kind === 'launch') return document.view.incidents;
  return [];
}

/**
 * The rebuild's fold: each stream's document kept in memory and advanced event by event with the same
 * pure reducers and the same rules as the live projector (`projectEnvelope`): an event at or below the
 * stream's position is skipped, markers (position 0) change nothing, the position moves for every
 * other event, a document exists once a reducer returned one. Streams are kept in least-recently-used
 * order, so the caller can write out and drop the coldest ones to bound memory (see {@link evictOldest})
 * and hand a stream back ({@link restore}) if a later event needs it.
 */
export class StreamFolds {
  private readonly streams = new Map<string, FoldedStream>();

  get size(): number {
    return this.streams.size;
  }

  has(streamId: string): boolean {
    return this.streams.has(streamId);
  }

  /** A stream read back from the tables it was written to (after an eviction). */
  restore(stream: FoldedStream): void {
    this.streams.set(stream.streamId, stream);
  }

  apply(envelope: EventEnvelope): void {
    if (envelope.streamPosition <= 0) return;
    const stream = this.streams.get(envelope.streamId) ?? {
      streamId: envelope.streamId,
      position: 0,
      document: null,
      indexed: new Set<string>(),
      stored: false,
    };
    // Re-inserted: the map's order is the order of last use.
    this.streams.delete(envelope.streamId);
    this.streams.set(envelope.streamId, stream);
    if (envelope.streamPosition <= stream.position) return;
    const before = stream.document;
    stream.document = applied(before, envelope);
    stream.position = envelope.streamPosition;
    const ids = indexedIds(stream.document);
    if (ids !== indexedIds(before)) for (const { id } of ids) stream.indexed.add(id);
  }

  /** Streams plus checklist items held: what the fold's memory grows with (a 250-item checklist weighs 251). */
  weight(): number {
    let weight = 0;
    for (const { document } of this.streams.values())
      weight += 1 + (document?.kind === 'checklist' ? document.view.items.length : 0);
    return weight;
  }

  /** Removes and returns the `count` least recently used streams. */
  evictOldest(count: number): FoldedStream[] {
    const evicted: FoldedStream[] = [];
    for (const stream of this.streams.values()) {
      if (evicted.length >= count) break;
      evicted.push(stream);
    }
    for (const { streamId } of evicted) this.streams.delete(streamId);
    return evicted;
  }

  /** Removes and returns every stream. */
  drain(): FoldedStream[] {
    const all = [...this.streams.values()];
    this.streams.clear();
    return all;
  }
}
