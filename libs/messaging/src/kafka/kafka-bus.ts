import type { Admin, Kafka, Message, Producer, RetryOptions, TopicPartitionOffset } from 'kafkajs';
import { silentLogger, type MessagingLogger } from '../logger';
import type {
  MessageBus,
  OutgoingMessage,
  PartitionPosition,
  SubscribeOptions,
  Subscription,
} from '../message-bus';
import { RunningSubscriptions } from '../support/running-subscriptions';
import type { Backoff } from '../support/wakeup';
import { kafkaLogCreator, kafkaLogLevel, type KafkaLogLevel } from './kafka-logging';
import { kafkajs } from './kafkajs';
import { toKafkaMessage } from './kafka-records';
import { KafkaSubscription } from './kafka-subscription';
import { ProduceBatcher } from './produce-batcher';

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  /** Names this process to the brokers (default `tminus`). */
  readonly clientId?: string;
  readonly logger?: MessagingLogger;
  /** kafkajs' own log lines from this level up reach the logger (default `warn`: quiet). */
  readonly kafkaLogLevel?: KafkaLogLevel;
  /** Default for {@link SubscribeOptions.partitionsConsumedConcurrently} (default 3). */
  readonly partitionsConsumedConcurrently?: number;
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /** Pause of a partition after its handler failed, before the message is delivered again. */
  readonly redeliveryBackoff?: Backoff;
  /** Retries of connections and requests; generous, so a broker restart is ridden out. */
  readonly retry?: RetryOptions;
}

/** About a minute of retries (300 ms doubling to 10 s per try) before a client reports failure. */
const DEFAULT_RETRY: RetryOptions = { retries: 12, initialRetryTime: 300, maxRetryTime: 10_000 };

/**
 * The MessageBus on Apache Kafka (kafkajs 2.2.4; the only place that knows kafkajs).
 *
 * Producing: idempotent, acks from all in-sync replicas, one request in flight per broker, so a
 * retried send cannot reorder or duplicate a partition's records; sends that queue behind the
 * request in flight go out together in the next one ({@link ProduceBatcher}). Consuming: see
 * {@link KafkaSubscription}.
 */
export class KafkaBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly logger: MessagingLogger;
  private producerReady: Promise<Producer> | undefined;
  private adminReady: Promise<Admin> | undefined;
  /** Sends queued behind the request in flight share the next one (see {@link ProduceBatcher}). */
  private readonly sends = new ProduceBatcher<Message>(async (topicMessages) => {
    const producer = await this.producer();
    await producer.sendBatch({
      topicMessages: topicMessages.map(({ topic, messages }) => ({ topic, messages: [...messages] })),
      acks: -1,
    });
  });
  private readonly subscriptions = new RunningSubscriptions<KafkaSubscription>();
  private readonly knownTopics = new Set<string>();
  private closed = false;

  constructor(private readonly options: KafkaBusOptions) {
    this.logger = options.logger ?? silentLogger;
    const { Kafka } = kafkajs();
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'tminus',
      brokers: [...options.brokers],
      logLevel: kafkaLogLevel(options.kafkaLogLevel ?? 'warn'),
      logCreator: kafkaLogCreator(this.logger),
      retry: options.retry ?? DEFAULT_RETRY,
    });
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    if (messages.length === 0) return;
    await this.assertTopicExists(topic);
    await this.sends.send(topic, messages.map(toKafkaMessage));
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const subscription = new KafkaSubscription(this.kafka, options, {
      consumerConfig: {
        sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: this.options.heartbeatIntervalMs ?? 3_000,
        // Topics are created up front with their partition counts (nestjs/nest#13220).
        allowAutoTopicCreation: false,
        // Bounds how long a stop waits for an idle fetch to return.
        maxWaitTimeInMs: 1_000,
        retry: { ...(this.options.retry ?? DEFAULT_RETRY), restartOnFailure: async () => true },
      },
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      commitIntervalMs: 1_000,
      redeliveryBackoff: this.options.redeliveryBackoff ?? { initialMs: 200, maxMs: 10_000 },
      restartBackoff: { initialMs: 1_000, maxMs: 30_000 },
      uncommittedEnds: (groupId, topics) => this.uncommittedEnds(groupId, topics),
      logger: this.logger,
    });
    return this.subscriptions.start(subscription);
  }

  async positions(groupId: string, topic: string): Promise<PartitionPosition[]> {
    this.assertOpen();
    const admin = await this.admin();
    const [ends, committed] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchOffsets({ groupId, topics: [topic] }),
    ]);
    const committedByPartition = new Map(
      (committed.find((t) => t.topic === topic)?.partitions ?? []).map((p) => [
        p.partition,
        BigInt(p.offset),
      ]),
    );
    return ends
      .map(({ partition, low, high }) => {
        const committedOffset = committedByPartition.get(partition) ?? -1n;
        // No commit yet (-1), or a commit older than what retention kept: the group starts at `low`.
        const next = committedOffset < BigInt(low) ? BigInt(low) : committedOffset;
        return { partition, next: String(next), end: high };
      })
      .sort((a, b) => a.partition - b.partition);
  }

  private async uncommittedEnds(groupId: string, topics: readonly string[]): Promise<TopicPartitionOffset[]> {
    const admin = await this.admin();
    const starts: TopicPartitionOffset[] = [];
    for (const topic of topics) {
      const [committed, ends] = await Promise.all([
        admin.fetchOffsets({ groupId, topics: [topic] }),
        admin.fetchTopicOffsets(topic),
      ]);
      const uncommitted = new Set(
        (committed.find((t) => t.topic === topic)?.partitions ?? [])
          .filter((p) => BigInt(p.offset) < 0n)
          .map((p) => p.partition),
      );
      for (const end of ends) {
        if (uncommitted.has(end.partition))
          starts.push({ topic, partition: end.partition, offset: end.high });
      }
    }
    return starts;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.stopAll();
    await Promise.all([
      this.producerReady?.then((p) => p.disconnect()).catch(() => undefined),
      this.adminReady?.then((a) => a.disconnect()).catch(() => undefined),
    ]);
  }

  private producer(): Promise<Producer> {
    this.producerReady ??= this.connectOnce(() =>
      this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // An idempotent producer that gave up mid-sequence could later have a different batch taken
        // for a duplicate of the lost one; it retries until the broker answers (kafkajs' own advice).
        retry: { ...(this.options.retry ?? DEFAULT_RETRY), retries: Number.MAX_SAFE_INTEGER },
        allowAutoTopicCreation: false,
        createPartitioner: kafkajs().Partitioners.DefaultPartitioner,
      }),
    );
    return this.producerReady;
  }

  /**
   * The producer retries forever, so a send to a topic nobody created would hang: check each topic
   * once and fail fast instead (topics are created up front, never auto-created: nestjs/nest#13220).
   */
  private async assertTopicExists(topic: string): Promise<void> {
    if (this.knownTopics.has(topic)) return;
    const admin = await this.admin();
    const topics = await admin.listTopics();
    if (!topics.includes(topic)) {
      throw new Error(
        `Kafka topic ${topic} does not exist; create it first (npm run infra:up creates the contract topics)`,
      );
    }
    this.knownTopics.add(topic);
  }

  private admin(): Promise<Admin> {
    this.adminReady ??= this.connectOnce(() => this.kafka.admin());
    return this.adminReady;
  }

  /** Connects once; a failed connect is forgotten so the next call tries again. */
  private connectOnce<T extends { connect(): Promise<void> }>(create: () => T): Promise<T> {
    const client = create();
    const ready = client.connect().then(() => client);
    ready.catch(() => {
      if (this.producerReady === (ready as Promise<unknown>)) this.producerReady = undefined;
      if (this.adminReady === (ready as Promise<unknown>)) this.adminReady = undefined;
    });
    return ready;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The Kafka bus is closed');
  }
}
