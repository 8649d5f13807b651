import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** Collects what a graphql-ws subscription delivers, and lets a test wait for a condition on it. */
export class SubscriptionRecorder<Data> {
  readonly received: Data[] = [];
  /** When each message arrived (ms since epoch), index for index with `received`. */
  readonly arrivedAt: number[] = [];
  readonly errors: unknown[] = [];
  private waiters: (() => void)[] = [];
  private readonly client: Client;
  private dispose: () => void = () => undefined;

  constructor(wsUrl: string, token: string) {
    this.client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 5,
    });
  }

  start(query: string, variables: Record<string, unknown>): this {
    this.dispose = this.client.subscribe<Data>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors?.length) this.errors.push(value.errors);
          if (value.data) {
            this.received.push(value.data as Data);
            this.arrivedAt.push(Date.now());
          }
          this.notify();
        },
        error: (error) => {
          this.errors.push(error);
          this.notify();
        },
        complete: () => this.notify(),
      },
    );
    return this;
  }

  /** Resolves once `predicate` holds for what was received so far; rejects after `timeoutMs`. */
  async waitFor(predicate: (received: readonly Data[]) => boolean, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `subscription condition not met in ${timeoutMs} ms; got ${this.received.length} messages, errors: ${JSON.stringify(this.errors)}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    this.dispose();
    await this.client.dispose();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }
}
