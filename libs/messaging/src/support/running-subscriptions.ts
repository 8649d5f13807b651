import type { Subscription } from '../message-bus';

/** What a Kafka bus starts per `subscribe` (KafkaSubscription, PlatformaticSubscription). */
interface StartableSubscription {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The subscriptions a bus has started, so that closing the bus stops every one still running. */
export class RunningSubscriptions<S extends StartableSubscription> {
  private readonly running = new Set<S>();

  /** Starts it (stopped again if its start fails, so no half-joined consumer lingers) and returns its handle. */
  async start(subscription: S): Promise<Subscription> {
    try {
      await subscription.start();
    } catch (error) {
      await subscription.stop().catch(() => undefined);
      throw error;
    }
    this.running.add(subscription);
    return {
      stop: async () => {
        this.running.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async stopAll(): Promise<void> {
    const all = [...this.running];
    this.running.clear();
    await Promise.all(all.map((s) => s.stop()));
  }
}
