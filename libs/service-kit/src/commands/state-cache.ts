/** A stream's state as folded up to `version` (its last stream position read). */
export interface CachedState<S> {
  readonly version: number;
  readonly state: S;
}

/**
 * The last folded state of recently used streams, so a command reads only the events appended since
 * (a launch fed by a burst of 1,000 alerts re-read and re-folded its whole stream per command: cost
 * grew with history). Bounded, least recently used out. Entries hold only stored events, never decided
 * ones, so a rolled-back transaction cannot leave the cache ahead of the store.
 */
export class StateCache<S> {
  private readonly entries = new Map<string, CachedState<S>>();

  constructor(private readonly limit = 1_000) {}

  /** Removes and returns the entry: a stream's state is folded by one command at a time. */
  take(streamId: string): CachedState<S> | undefined {
    const entry = this.entries.get(streamId);
    this.entries.delete(streamId);
    return entry;
  }

  put(streamId: string, entry: CachedState<S>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
