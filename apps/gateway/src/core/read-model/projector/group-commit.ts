/** Commits a batch of items in one unit of work and returns one result per item, in order. */
export type CommitBatch<Item, Result> = (items: readonly Item[]) => Promise<readonly Result[]>;

/** Commits one item alone (the fallback when its batch failed). */
export type CommitOne<Item, Result> = (item: Item) => Promise<Result>;

interface Waiting<Item, Result> {
  readonly item: Item;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommitOptions<Item, Result> {
  readonly commitBatch: CommitBatch<Item, Result>;
  readonly commitOne: CommitOne<Item, Result>;
  /** The most items in one batch (default 256): bounds a transaction's length and memory. */
  readonly maxBatch?: number;
}

const DEFAULT_MAX_BATCH = 256;

/**
 * Group commit: items submitted while a batch is being committed wait and go together in the next
 * one, so N concurrent submitters (the bus's partitions) pay one transaction instead of N. Each
 * submitter's promise settles only after its item's batch committed, so nothing downstream (a
 * consumer's position, a waiter) moves before the item is durable. If a batch fails, each of its
 * items is committed alone: one bad item fails only its own submitter (who retries or dead-letters
 * it, as before), never its neighbours.
 */
export class GroupCommit<Item, Result> {
  private queue: Waiting<Item, Result>[] = [];
  private flushing = false;
  private readonly maxBatch: number;

  constructor(private readonly options: GroupCommitOptions<Item, Result>) {
    this.maxBatch = Math.max(1, options.maxBatch ?? DEFAULT_MAX_BATCH);
  }

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Let submitters woken by the same I/O (several partitions' deliveries) join the first batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, this.maxBatch);
      this.queue = this.queue.slice(batch.length);
      await this.commit(batch);
    }
    this.flushing = false;
  }

  private async commit(batch: readonly Waiting<Item, Result>[]): Promise<void> {
    let results: readonly Result[] | null = null;
    if (batch.length > 1) {
      try {
        results = await this.options.commitBatch(batch.map((waiting) => waiting.item));
      } catch {
        results = null; // one by one below: the error belongs to one item, which then gets it
      }
    }
    if (results !== null) {
      const committed = results;
      batch.forEach((waiting, index) => waiting.resolve(committed[index]));
      return;
    }
    for (const waiting of batch) {
      try {
        waiting.resolve(await this.options.commitOne(waiting.item));
      } catch (error) {
        waiting.reject(error);
      }
    }
  }
}
