/**
 * An async iterator fed by pushes, for GraphQL subscriptions. It holds at most `capacity` unread
 * values (a slow client loses the oldest, not the server's memory) and calls `onClose` once the
 * client goes away (graphql-ws calls `return`).
 */
export class PushIterator<Value> implements AsyncIterableIterator<Value> {
  private readonly queue: Value[] = [];
  private readonly readers: ((result: IteratorResult<Value>) => void)[] = [];
  private closed = false;

  constructor(
    private readonly onClose: () => void,
    private readonly capacity = 100,
  ) {}

  push(value: Value): void {
    if (this.closed) return;
    const reader = this.readers.shift();
    if (reader) {
      reader({ value, done: false });
      return;
    }
    this.queue.push(value);
    if (this.queue.length > this.capacity) this.queue.shift();
  }

  next(): Promise<IteratorResult<Value>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift() as Value, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.readers.push(resolve));
  }

  return(): Promise<IteratorResult<Value>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<Value>> {
    this.close();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Value> {
    return this;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    for (const reader of this.readers.splice(0)) reader({ value: undefined, done: true });
    this.onClose();
  }
}
