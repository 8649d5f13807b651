import { LRUCache } from 'lru-cache';

/** A stream folded up to `version` (its last event's stream position; 0: no event yet). */
export interface FoldedStream<S> {
  readonly state: S;
  readonly version: number;
}

/** How many folded streams one processor keeps by default (each costs its state's size). */
export const DEFAULT_STATE_CACHE_STREAMS = 10_000;

/**
 * Folded state per stream, least recently used evicted first. Why: re-reading and re-folding a whole
 * stream per command makes every command cost its stream's history. The cache is only a starting
 * point: the processor still reads the stream's tail after `version` in its transaction and the
 * append still checks the expected version, so a stale entry (a rival process wrote) costs a catch-up
 * read or a retry, never a wrong decision. States must be immutable (deciders' evolve copies on write).
 */
export class StreamStateCache<S> {
  private readonly entries: LRUCache<string, FoldedStream<S>> | undefined;

  /** `maxStreams` 0 turns caching off (every command folds from the first event). */
  constructor(maxStreams = DEFAULT_STATE_CACHE_STREAMS) {
    this.entries = maxStreams > 0 ? new LRUCache({ max: maxStreams }) : undefined;
  }

  get(streamId: string): FoldedStream<S> | undefined {
    return this.entries?.get(streamId);
  }

  /** Keeps the newer of what is cached and `folded` (a late writer never moves a stream back). */
  remember(streamId: string, folded: FoldedStream<S>): void {
    const current = this.entries?.get(streamId);
    if (current && current.version > folded.version) return;
    this.entries?.set(streamId, folded);
  }

  forget(streamId: string): void {
    this.entries?.delete(streamId);
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
