import type {
  Consumer,
  ConsumerConfig,
  ConsumerCrashEvent,
  EachBatchPayload,
  Kafka,
  KafkaMessage,
  TopicPartitionOffset,
} from 'kafkajs';
import { errorFields, type MessagingLogger } from '../logger';
import type { SubscribeOptions, Subscription } from '../message-bus';
import { SubscriptionTimers } from '../support/subscription-timers';
import { backoffDelay, type Backoff } from '../support/wakeup';
import { fromKafkaMessage } from './kafka-records';

export interface KafkaSubscriptionSettings {
  readonly consumerConfig: Omit<ConsumerConfig, 'groupId'>;
  readonly partitionsConsumedConcurrently: number;
  /** Interval at which progress inside a long batch is committed. */
  readonly commitIntervalMs: number;
  readonly redeliveryBackoff: Backoff;
  /** Between attempts to bring back a consumer that kafkajs gave up on. */
  readonly restartBackoff: Backoff;
  /** The current end offset of every partition of `topics` where `groupId` has no committed offset. */
  readonly uncommittedEnds: (groupId: string, topics: readonly string[]) => Promise<TopicPartitionOffset[]>;
  readonly logger: MessagingLogger;
}

/** At most this many messages per call of a batch handler (bounds a transaction and a heartbeat gap). */
const MAX_BATCH = 100;

/**
 * One kafkajs consumer in a group. The position of a partition moves only past messages whose
 * handler resolved (offsets are resolved one by one, committed after each batch and every
 * `commitIntervalMs`); a failed handler pauses just its partition and gets the same message again
 * after a backoff, while the other partitions go on.
 */
export class KafkaSubscription implements Subscription {
  private consumer: Consumer | undefined;
  private stopped = false;
  private readonly failures = new Map<string, number>();
  private readonly timers = new SubscriptionTimers(() => this.stopped);
  private restarts = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: SubscribeOptions,
    private readonly settings: KafkaSubscriptionSettings,
  ) {}

  async start(): Promise<void> {
    const fromBeginning = this.options.fromBeginning ?? true;
    const consumer = this.kafka.consumer({ ...this.settings.consumerConfig, groupId: this.options.groupId });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (event) => this.onCrash(event));
    if (!fromBeginning) await this.startAtTheEndOfNow(consumer);
    await consumer.connect();
    await consumer.subscribe({
      topics: [...this.options.topics],
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: this.settings.commitIntervalMs,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently:
        this.options.partitionsConsumedConcurrently ?? this.settings.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  /**
   * kafkajs looks up "latest" only at its first fetch, after subscribe() resolved: a message
   * published in between would be skipped. So a new group starts at the end as of now, as in the
   * in-process bus: the seek is placed when the group is joined, before anything is fetched
   * (listeners of kafkajs' GROUP_JOIN run synchronously), and committed by kafkajs on that fetch.
   */
  private async startAtTheEndOfNow(consumer: Consumer): Promise<void> {
    let starts = await this.settings.uncommittedEnds(this.options.groupId, this.options.topics);
    if (starts.length === 0) return;
    const removeListener = consumer.on(consumer.events.GROUP_JOIN, () => {
      // Only on the first join: a seek at a later rebalance would move a position back.
      for (const start of starts) consumer.seek(start);
      starts = [];
      removeListener();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clear();
    // Waits for the batch in progress; resolved offsets are committed as it ends.
    await this.consumer?.disconnect();
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    let done = 0;
    while (batch.messages.length - done > 1 && isRunning() && !isStale()) {
      const chunk = batch.messages.slice(done, done + MAX_BATCH);
      if (!(await this.deliverBatch(batch.topic, batch.partition, chunk))) break;
      done += chunk.length;
      resolveOffset(chunk[chunk.length - 1].offset);
      this.failures.delete(`${batch.topic}:${batch.partition}`);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
    for (const kafkaMessage of batch.messages.slice(done)) {
      if (!isRunning() || isStale()) return;
      try {
        await this.options.handle(fromKafkaMessage(batch.topic, batch.partition, kafkaMessage));
      } catch (error) {
        this.redeliverLater(payload, kafkaMessage.offset, error);
        return;
      }
      resolveOffset(kafkaMessage.offset);
      this.failures.delete(`${batch.topic}:${batch.partition}`);
      await commitOffsetsIfNecessary();
      // Handlers are short, but a batch can be long: keep the group membership alive (tulios/kafkajs#1083).
      await heartbeat();
    }
  }

  /** False: no batch handler, or it failed (the messages then go one by one, so nothing is skipped). */
  private async deliverBatch(
    topic: string,
    partition: number,
    messages: readonly KafkaMessage[],
  ): Promise<boolean> {
    const { handleBatch } = this.options;
    if (!handleBatch) return false;
    try {
      await handleBatch(messages.map((message) => fromKafkaMessage(topic, partition, message)));
      return true;
    } catch (error) {
      this.settings.logger.debug(
        { groupId: this.options.groupId, topic, partition, size: messages.length, ...errorFields(error) },
        'batch handler failed; delivering the messages one by one',
      );
      return false;
    }
  }

  /**
   * The offset is not resolved, so the next fetch of this partition starts at the failed message;
   * pausing the partition for a while keeps a failing handler from spinning.
   */
  private redeliverLater({ batch, pause }: EachBatchPayload, offset: string, error: unknown): void {
    const partitionKey = `${batch.topic}:${batch.partition}`;
    const failures = (this.failures.get(partitionKey) ?? 0) + 1;
    this.failures.set(partitionKey, failures);
    const delay = backoffDelay(this.settings.redeliveryBackoff, failures);
    this.settings.logger.warn(
      {
        groupId: this.options.groupId,
        topic: batch.topic,
        partition: batch.partition,
        offset,
        failures,
        retryInMs: delay,
        ...errorFields(error),
      },
      'message handler failed; the message will be delivered again',
    );
    const resume = pause();
    this.timers.later(delay, resume);
  }

  /** kafkajs restarts a crashed consumer itself unless the error is not retriable; then we do. */
  private onCrash({ payload: { error, restart } }: ConsumerCrashEvent): void {
    this.settings.logger.error(
      { groupId: this.options.groupId, kafkajsRestarts: restart, ...errorFields(error) },
      'Kafka consumer crashed',
    );
    if (!restart && !this.stopped) this.scheduleRestart();
  }

  private scheduleRestart(): void {
    this.restarts += 1;
    this.timers.later(backoffDelay(this.settings.restartBackoff, this.restarts), async () => {
      await this.consumer?.disconnect().catch(() => undefined);
      if (this.stopped) return;
      try {
        await this.start();
        // stop() may have run while the new consumer was joining: it must not outlive the subscription.
        if (this.stopped) return void (await this.consumer?.disconnect());
        this.restarts = 0;
        this.settings.logger.info({ groupId: this.options.groupId }, 'Kafka consumer restarted');
      } catch (error) {
        this.settings.logger.error(
          { groupId: this.options.groupId, ...errorFields(error) },
          'consumer restart failed',
        );
        if (!this.stopped) this.scheduleRestart();
      }
    });
  }
}
