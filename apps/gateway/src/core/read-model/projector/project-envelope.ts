import type { EventEnvelope } from '@tminus/contracts';
import { upcastEnvelope } from '@tminus/event-store';
import {
  applyChecklistEvent,
  applyLaunchEvent,
  applyTeamEvent,
  applyTemplateEvent,
  viewKindOf,
  type ViewKind,
} from '../domain';
import type { ChecklistView } from '../domain/views';
import type { Sql } from '../store/database';
import { newVersionTag, type DocumentVersion } from '../store/document-versions';
import { Documents } from '../store/documents';
import { EventLog } from '../store/event-log';
import { StreamPositions } from '../store/stream-positions';
import type { ProjectionTables } from '../store/tables';

/** What projecting one envelope did. */
export interface ProjectedEnvelope {
  readonly envelope: EventEnvelope;
  /** False when it had been applied before (a redelivery, or another gateway instance was first). */
  readonly applied: boolean;
  /** The launch it concerns (its own events and its checklists'); null for teams, templates and markers. */
  readonly launchId: string | null;
  readonly kind: ViewKind | null;
}

export interface ProjectOptions {
  /** Live projection records the envelope in the event log; a rebuild replays from that log. */
  readonly record: boolean;
  /**
   * Stream positions this transaction locked already ({@link StreamPositions.lockAll}), kept current
   * here as envelopes move them: an envelope of a listed stream is checked against it instead of
   * locking and reading its row again (no other transaction can move a locked row).
   */
  readonly locked?: Map<string, DocumentVersion>;
}

interface Applied {
  /** The launch the document belongs to. */
  readonly launchId: string | null;
  /** The checklist after the event, to remember at the stream's new version once it is set. */
  readonly checklist: ChecklistView | null;
}

/** Applies the envelope to its document; `stored`: the version of the stream's position row. */
async function applyToDocument(
  docs: Documents,
  kind: ViewKind,
  envelope: EventEnvelope,
  stored: DocumentVersion,
): Promise<Applied> {
  const id = envelope.streamId;
  const launchId = (value: string | null): Applied => ({ launchId: value, checklist: null });
  switch (kind) {
    case 'launch': {
      const previous = await docs.launch(id);
      const next = applyLaunchEvent(previous, envelope);
      if (next !== null && next !== previous) await docs.putLaunch(next, previous);
      return launchId(next?.id ?? null);
    }
    case 'checklist': {
      // The document this process wrote at the stored version, or the stored one (see DocumentVersions).
      const previous = docs.cachedChecklist(id, stored) ?? (await docs.checklist(id));
      const next = applyChecklistEvent(previous, envelope);
      if (next !== null && next !== previous) await docs.putChecklist(next, previous);
      return { launchId: next?.launchId ?? null, checklist: next };
    }
    case 'team': {
      const previous = await docs.team(id);
      const next = applyTeamEvent(previous, envelope);
      if (next !== null && next !== previous) await docs.putTeam(next);
      return launchId(null);
    }
    case 'template': {
      const previous = await docs.template(id);
      const next = applyTemplateEvent(previous, envelope);
      if (next !== null && next !== previous) await docs.putTemplate(next);
      return launchId(null);
    }
  }
}

/**
 * Projects one envelope inside the caller's transaction: the document, the stream position and (live)
 * the event log commit together. An event at or below its stream's stored position was applied before
 * and is skipped; markers (CommandRejected/CommandAccepted, position 0) are deduplicated by event id.
 */
export async function projectEnvelope(
  sql: Sql,
  tables: ProjectionTables,
  received: EventEnvelope,
  options: ProjectOptions,
): Promise<ProjectedEnvelope> {
  // Old schema versions (from Kafka or this read model's own log) are lifted before anything reads them.
  const envelope = upcastEnvelope(received);
  const kind = viewKindOf(envelope.type);
  const log = new EventLog(sql);
  const positions = new StreamPositions(sql, tables.positions);
  const skipped = async (): Promise<ProjectedEnvelope> => ({
    envelope,
    applied: false,
    kind,
    launchId: options.record ? ((await log.find(envelope.id))?.launchId ?? null) : null,
  });

  if (envelope.streamPosition > 0) {
    const stored = options.locked?.get(envelope.streamId) ?? (await positions.lockVersion(envelope.streamId));
    if (envelope.streamPosition <= stored.position) return skipped();
    const docs = new Documents(sql, tables);
    const applied =
      kind === null
        ? { launchId: null, checklist: null }
        : await applyToDocument(docs, kind, envelope, stored);
    // Nothing reads the stream's document between its write and this (the version names both).
    const version = { position: envelope.streamPosition, tag: newVersionTag() };
    await positions.set(envelope.streamId, version.position, version.tag);
    options.locked?.set(envelope.streamId, version);
    if (applied.checklist !== null) docs.rememberChecklist(applied.checklist, version);
    const launchId = applied.launchId;
    if (options.record) await log.append(envelope, launchId);
    return { envelope, applied: true, kind, launchId };
  }

  if (!options.record) return { envelope, applied: false, kind, launchId: null };
  const seq = await log.append(envelope, null);
  return seq === null ? skipped() : { envelope, applied: true, kind, launchId: null };
}
