/**
 * Runs sections with the same key one at a time, in call order; different keys run in parallel. The
 * one lock of the codebase: the command processor queues a stream's commands on it (commands racing
 * inside one process wait their turn instead of failing each other's appends), SQLite stores take one
 * key for their single writer, and the gateway's feed takes a launch id.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, section: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const tail = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(key, tail);
    await previous;
    try {
      return await section();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with a section running or waiting (for tests: the map must not grow forever). */
  get size(): number {
    return this.tails.size;
  }
}
