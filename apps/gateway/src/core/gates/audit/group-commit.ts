interface Waiting<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Default largest group per commit (7 parameters a row keeps a statement far below SQLite's limit). */
export const DEFAULT_MAX_GROUP = 500;

/** Resolves in the event loop's check phase: after every I/O callback of the current turn has run. */
const afterThisTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Group commit: every item added in the same turn of the event loop, and every item added while a
 * commit runs, share the next commit. Why wait for the end of the turn: Node drains microtasks after
 * each I/O callback, so a request's whole check (a synchronous SQLite commit included) ran before the
 * next request of the same turn was even parsed — every commit carried one item, however many
 * requests were waiting. A commit now starts once the turn's requests were all read and decided (no
 * timer: an idle log commits in the next turn). `add` settles when the item's own commit did: resolved
 * once durable, rejected with the commit's error.
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
      this.draining ??= this.drain();
    });
  }

  /** Settles once every item added so far is committed (or failed). */
  async flushed(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      await afterThisTurn();
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.maxGroup);
        try {
          await this.commit(group.map((waiting) => waiting.item));
          for (const waiting of group) waiting.resolve();
        } catch (error) {
          for (const waiting of group) waiting.reject(error);
        }
        // What arrived during that commit (an asynchronous one: PostgreSQL) waits for this turn's others too.
        if (this.queue.length > 0) await afterThisTurn();
      }
    } finally {
      // In the same synchronous step as the empty queue was seen: an item added by a caller resumed by
      // the last resolve() (a microtask) finds no drain and starts one. (Cleared in a `.finally`
      // callback, one microtask later, such an item waited for the next check's drain.)
      this.draining = null;
    }
  }
}
