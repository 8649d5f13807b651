import type { Admin, BaseOptions, Producer } from '@platformatic/kafka';
import { silentLogger, type MessagingLogger } from '../logger';
import type {
  MessageBus,
  OutgoingMessage,
  PartitionPosition,
  SubscribeOptions,
  Subscription,
} from '../message-bus';
import { RunningSubscriptions } from '../support/running-subscriptions';
import { ProduceBatcher } from '../kafka/produce-batcher';
import { platformaticKafka } from './platformatic-kafka';
import type { Backoff } from '../support/wakeup';
import { toPlatformaticMessage, type PlatformaticOutgoing } from './platformatic-records';
import { PlatformaticSubscription } from './platformatic-subscription';

export interface PlatformaticBusOptions {
  readonly brokers: readonly string[];
  /** Names this process to the brokers (default `tminus`). */
  readonly clientId?: string;
  readonly logger?: MessagingLogger;
  /** Default for {@link SubscribeOptions.partitionsConsumedConcurrently} (default 3). */
  readonly partitionsConsumedConcurrently?: number;
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /** Pause of a partition after its handler failed, before the message is delivered again. */
  readonly redeliveryBackoff?: Backoff;
}

/** A request's tries: one a second for a minute, so a broker restart is ridden out. */
const RETRIES = 60;
const RETRY_DELAY_MS = 1_000;

/**
 * The MessageBus on Apache Kafka through @platformatic/kafka 1.x (ADR 0015), beside {@link KafkaBus}
 * (kafkajs): same topics, same partitioning (murmur2 as Java and kafkajs), same group positions, so
 * either client can take over from the other.
 *
 * Producing: idempotent, acks from all in-sync replicas, one send at a time with what queued behind
 * it in the next one ({@link ProduceBatcher}); the producer retries until the broker answers (as
 * KafkaBus: an idempotent producer that gave up mid-sequence could see a later batch taken for a
 * duplicate). Consuming: see {@link PlatformaticSubscription}.
 */
export class PlatformaticBus implements MessageBus {
  private readonly logger: MessagingLogger;
  private readonly base: BaseOptions;
  private producerInstance: Producer<string, Buffer, string, string> | undefined;
  private adminInstance: Admin | undefined;
  private readonly sends = new ProduceBatcher<PlatformaticOutgoing>(async (topicMessages) => {
    await this.producer().send({ messages: topicMessages.flatMap(({ messages }) => messages) });
  });
  private readonly subscriptions = new RunningSubscriptions<PlatformaticSubscription>();
  private readonly knownTopics = new Set<string>();
  private closed = false;

  constructor(private readonly options: PlatformaticBusOptions) {
    this.logger = options.logger ?? silentLogger;
    this.base = {
      clientId: options.clientId ?? 'tminus',
      bootstrapBrokers: [...options.brokers],
      retries: RETRIES,
      retryDelay: RETRY_DELAY_MS,
      // Topics are created up front with their partition counts (nestjs/nest#13220).
      autocreateTopics: false,
    };
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    if (messages.length === 0) return;
    await this.assertTopicExists(topic);
    await this.sends.send(
      topic,
      messages.map((m) => toPlatformaticMessage(topic, m)),
    );
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const subscription = new PlatformaticSubscription(options, {
      client: {
        ...this.base,
        sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: this.options.heartbeatIntervalMs ?? 3_000,
        // A fetch is answered as soon as a record arrives; the wait only bounds an idle fetch.
        minBytes: 1,
        maxWaitTime: 1_000,
      },
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      commitIntervalMs: 1_000,
      redeliveryBackoff: this.options.redeliveryBackoff ?? { initialMs: 200, maxMs: 10_000 },
      restartBackoff: { initialMs: 1_000, maxMs: 30_000 },
      logger: this.logger,
    });
    return this.subscriptions.start(subscription);
  }

  async positions(groupId: string, topic: string): Promise<PartitionPosition[]> {
    this.assertOpen();
    const admin = this.admin();
    const metadata = await admin.metadata({ topics: [topic] });
    const partitions = [...Array(metadata.topics.get(topic)?.partitionsCount ?? 0).keys()];
    const listed = (timestamp: bigint) =>
      admin.listOffsets({
        topics: [
          { name: topic, partitions: partitions.map((partitionIndex) => ({ partitionIndex, timestamp })) },
        ],
      });
    const [earliest, latest, groups] = await Promise.all([
      listed(-2n),
      listed(-1n),
      admin.listConsumerGroupOffsets({
        groups: [{ groupId, topics: [{ name: topic, partitionIndexes: partitions }] }],
      }),
    ]);
    const offsetsOf = (listedTopics: Awaited<ReturnType<typeof listed>>) =>
      new Map(
        (listedTopics.find((t) => t.name === topic)?.partitions ?? []).map((p) => [
          p.partitionIndex,
          p.offset,
        ]),
      );
    const low = offsetsOf(earliest);
    const high = offsetsOf(latest);
    const committed = new Map(
      (groups[0]?.topics.find((t) => t.name === topic)?.partitions ?? []).map((p) => [
        p.partitionIndex,
        p.committedOffset,
      ]),
    );
    return partitions.map((partition) => {
      const first = low.get(partition) ?? 0n;
      const committedOffset = committed.get(partition) ?? -1n;
      // No commit yet (-1), or a commit older than what retention kept: the group starts at `low`.
      const next = committedOffset < first ? first : committedOffset;
      return { partition, next: String(next), end: String(high.get(partition) ?? first) };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.stopAll();
    await Promise.all([
      this.producerInstance?.close().catch(() => undefined),
      this.adminInstance?.close().catch(() => undefined),
    ]);
  }

  private producer(): Producer<string, Buffer, string, string> {
    if (this.producerInstance) return this.producerInstance;
    const { Producer, ProduceAcks, compatibilityPartitioner, stringSerializer } = platformaticKafka();
    this.producerInstance = new Producer<string, Buffer, string, string>({
      ...this.base,
      // Until the broker answers (see the class comment).
      retries: true,
      idempotent: true,
      acks: ProduceAcks.ALL,
      // murmur2 masked to a positive int, as Java and kafkajs' DefaultPartitioner: a key keeps its
      // partition whichever client published it.
      partitioner: compatibilityPartitioner,
      serializers: { key: stringSerializer, headerKey: stringSerializer, headerValue: stringSerializer },
    });
    return this.producerInstance;
  }

  /**
   * The producer retries without end, so a send to a topic nobody created would hang: check each
   * topic once and fail fast instead (topics are created up front, never auto-created).
   */
  private async assertTopicExists(topic: string): Promise<void> {
    if (this.knownTopics.has(topic)) return;
    const topics = await this.admin().listTopics();
    if (!topics.includes(topic)) {
      throw new Error(
        `Kafka topic ${topic} does not exist; create it first (npm run infra:up creates the contract topics)`,
      );
    }
    this.knownTopics.add(topic);
  }

  private admin(): Admin {
    this.adminInstance ??= new (platformaticKafka().Admin)({ ...this.base });
    return this.adminInstance;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The Kafka bus is closed');
  }
}
