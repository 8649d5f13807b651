import type {
  IncomingMessage,
  MessageBus,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from '@tminus/messaging';

export type PublishListener = (topic: string, message: OutgoingMessage) => void | Promise<void>;

/**
 * An in-memory MessageBus for tests without a broker: every group sees every message once, in
 * publish order, delivered asynchronously (as a real transport would) after `publish` returned.
 */
export class FakeBus implements MessageBus {
  readonly published: { topic: string; message: OutgoingMessage }[] = [];
  private readonly subscribers = new Set<SubscribeOptions>();
  private readonly listeners = new Set<PublishListener>();
  private delivery: Promise<void> = Promise.resolve();
  private offset = 0;

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    for (const message of messages) {
      this.published.push({ topic, message });
      const incoming: IncomingMessage = { ...message, topic, partition: 0, offset: String(this.offset++) };
      this.delivery = this.delivery.then(() => this.deliver(incoming));
      for (const listener of this.listeners) void Promise.resolve(listener(topic, message));
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.subscribers.add(options);
    return { stop: async () => void this.subscribers.delete(options) };
  }

  /** Calls `listener` on every publish (how a fake service sees the commands). */
  onPublish(listener: PublishListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once everything published so far has been handled. */
  async settled(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.delivery;
      await last;
    } while (last !== this.delivery);
  }

  messagesOn(topic: string): OutgoingMessage[] {
    return this.published.filter((entry) => entry.topic === topic).map((entry) => entry.message);
  }

  async close(): Promise<void> {
    this.subscribers.clear();
    this.listeners.clear();
  }

  private async deliver(message: IncomingMessage): Promise<void> {
    for (const subscriber of [...this.subscribers]) {
      if (!subscriber.topics.includes(message.topic)) continue;
      try {
        await subscriber.handle(message);
      } catch {
        // A real bus would redeliver; the gateway's projector wraps its handler with retries + DLQ.
      }
    }
  }
}
