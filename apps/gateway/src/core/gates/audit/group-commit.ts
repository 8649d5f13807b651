interface Waiting<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Default largest group per commit (7 parameters a row keeps a statement far below SQLite's limit). */
export const DEFAULT_MAX_GROUP = 500;

/**
 * Group commit: items added while a commit is running wait for the next one, which takes them all
 * at once. An idle log commits the first item at once (no timer, no added latency); under load every
 * commit carries everything that arrived during the one before. `add` settles when the item's own
 * commit did: resolved once durable, rejected with the commit's error.
 */
export class GroupCommit<T> {
  private queue: Waiting<T>[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly commit: (items: readonly T[]) => Promise<void>,
    private readonly maxGroup: number = DEFAULT_MAX_GROUP,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.draining ??= this.drain().finally(() => (this.draining = null));
    });
  }

  /** Settles once every item added so far is committed (or failed). */
  async flushed(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, this.maxGroup);
      try {
        await this.commit(group.map((waiting) => waiting.item));
        for (const waiting of group) waiting.resolve();
      } catch (error) {
        for (const waiting of group) waiting.reject(error);
      }
    }
  }
}
