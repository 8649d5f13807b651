import type {
  MessageBus,
  OutgoingMessage,
  PartitionPosition,
  SubscribeOptions,
  Subscription,
} from '@tminus/messaging';

/**
 * A bus whose deliveries to one consumer group can be held back, to make a read model lag on purpose:
 * messages keep arriving on the topics (the partition ends move) while that group stands still.
 */
export class HoldableBus implements MessageBus {
  private held: Promise<void> | null = null;
  private release: (() => void) | null = null;
  private stalled: Promise<void> | null = null;
  private unstall: (() => void) | null = null;
  private publishFailure: Error | null = null;

  constructor(
    private readonly inner: MessageBus,
    private readonly heldGroupId: string,
  ) {}

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    while (this.stalled) await this.stalled;
    if (this.publishFailure) throw this.publishFailure;
    return this.inner.publish(topic, messages);
  }

  subscribe(options: SubscribeOptions): Promise<Subscription> {
    if (options.groupId !== this.heldGroupId) return this.inner.subscribe(options);
    return this.inner.subscribe({
      ...options,
      handle: async (message) => {
        while (this.held) await this.held;
        await options.handle(message);
      },
    });
  }

  positions(groupId: string, topic: string): Promise<PartitionPosition[]> {
    if (!this.inner.positions) throw new Error('the inner bus cannot report positions');
    return this.inner.positions(groupId, topic);
  }

  /** Deliveries to the held group wait from now on (the one in progress finishes). */
  hold(): void {
    this.held ??= new Promise((resolve) => (this.release = resolve));
  }

  resume(): void {
    const release = this.release;
    this.held = null;
    this.release = null;
    release?.();
  }

  /** Publishes wait from now on, as they do while kafkajs retries against a stalled broker. */
  stallPublishes(): void {
    this.stalled ??= new Promise((resolve) => (this.unstall = resolve));
  }

  /** Publishes fail with `error` from now on (null: they work again). */
  failPublishes(error: Error | null): void {
    this.publishFailure = error;
  }

  /** The waiting publishes go through. */
  resumePublishes(): void {
    const unstall = this.unstall;
    this.stalled = null;
    this.unstall = null;
    unstall?.();
  }

  close(): Promise<void> {
    this.resume();
    this.resumePublishes();
    return this.inner.close();
  }
}
