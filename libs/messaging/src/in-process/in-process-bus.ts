import { silentLogger, type MessagingLogger } from '../logger';
import type {
  MessageBus,
  OutgoingMessage,
  PartitionPosition,
  SubscribeOptions,
  Subscription,
} from '../message-bus';
import type { Backoff } from '../support/wakeup';
import { openChannel, type LogChannel } from './log-channel';
import { InProcessSubscription } from './in-process-subscription';
import { contractPartitionsOf, partitionFor } from './partitioner';
import { SqliteLog } from './sqlite-log';

export interface InProcessBusOptions {
  /** The SQLite file holding the log and the group positions (e.g. `<data dir>/bus.sqlite`). */
  readonly filename: string;
  /** Partition count of a topic the first time it is used; default: the contracts' counts, else 1. */
  readonly partitionsOf?: (topic: string) => number;
  /** Delay before a message whose handler failed is delivered again. */
  readonly redeliveryBackoff?: Backoff;
  /**
   * How often to look for messages another process appended to the file (default 1000 ms; one
   * cheap pragma, not a query per consumer). Publishes from this process wake consumers at once.
   */
  readonly externalPollIntervalMs?: number;
  readonly logger?: MessagingLogger;
}

const DEFAULT_REDELIVERY_BACKOFF: Backoff = { initialMs: 100, maxMs: 5_000 };

/**
 * The embedded mode's transport, with the guarantees the code relies on from Kafka: a durable log
 * (SQLite), per-key order (a key always hashes to one partition, each partition is delivered in
 * order), at-least-once (a group's offset moves only after the handler resolved), one position per
 * consumer group, and a restart resumes from the stored positions. A publish wakes the consumers at
 * once; appends by another process (the DLQ replay tool) are noticed by a slow, cheap poll.
 */
export class InProcessBus implements MessageBus {
  private readonly log: SqliteLog;
  private readonly channel: LogChannel;
  private readonly releaseChannel: () => void;
  private readonly subscriptions = new Set<InProcessSubscription>();
  private readonly configuredPartitions: (topic: string) => number;
  private readonly externalPoll: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: InProcessBusOptions) {
    this.log = new SqliteLog(options.filename);
    ({ channel: this.channel, release: this.releaseChannel } = openChannel(options.filename));
    this.configuredPartitions = options.partitionsOf ?? contractPartitionsOf;
    this.log.changedElsewhere();
    this.externalPoll = setInterval(
      () => this.wakeOnExternalChanges(),
      options.externalPollIntervalMs ?? 1_000,
    );
    this.externalPoll.unref();
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    if (messages.length === 0) return;
    const partitions = this.partitionsOf(topic);
    // Committed: consumers in this process take the stored messages from here, not from a read.
    const appended = this.log.append(topic, messages, (key) => partitionFor(key, partitions));
    this.channel.published.emit(topic, appended);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const subscription = new InProcessSubscription(
      {
        log: this.log,
        channel: this.channel,
        partitionsOf: (topic) => this.partitionsOf(topic),
        redeliveryBackoff: this.options.redeliveryBackoff ?? DEFAULT_REDELIVERY_BACKOFF,
        logger: this.options.logger ?? silentLogger,
      },
      options,
    );
    subscription.join();
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        await subscription.stop();
        this.subscriptions.delete(subscription);
      },
    };
  }

  async positions(groupId: string, topic: string): Promise<PartitionPosition[]> {
    this.assertOpen();
    return Array.from({ length: this.partitionsOf(topic) }, (_, partition) => ({
      partition,
      next: String(this.log.groupOffset(groupId, topic, partition) ?? 0),
      end: String(this.log.endOffset(topic, partition)),
    }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.externalPoll);
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    this.log.close();
    this.releaseChannel();
  }

  private wakeOnExternalChanges(): void {
    if (!this.log.changedElsewhere()) return;
    // Which partitions another process appended to is unknown: every consumer of every topic looks.
    for (const topic of this.channel.published.eventNames()) this.channel.published.emit(topic);
  }

  private partitionsOf(topic: string): number {
    return this.log.partitionsOf(topic, () => this.configuredPartitions(topic));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The in-process bus is closed');
  }
}
