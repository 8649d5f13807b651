import { once } from 'node:events';
import type {
  BaseOptions,
  ConsumeBaseOptions,
  Consumer,
  GroupOptions,
  MessagesStream,
} from '@platformatic/kafka';
import { errorFields, type MessagingLogger } from '../logger';
import { platformaticKafka } from './platformatic-kafka';
import type { IncomingMessage, SubscribeOptions, Subscription } from '../message-bus';
import { SubscriptionTimers } from '../support/subscription-timers';
import { backoffDelay, type Backoff } from '../support/wakeup';
import { PartitionLane } from './partition-lane';
import { fromPlatformaticMessage, type PlatformaticRecord } from './platformatic-records';

/** The client settings of every consumer of a bus (the group and the serdes are the subscription's). */
type ClientOptions = BaseOptions &
  GroupOptions &
  Pick<ConsumeBaseOptions<string, Buffer, string, string>, 'minBytes' | 'maxWaitTime'>;

export interface PlatformaticSubscriptionSettings {
  readonly client: ClientOptions;
  readonly partitionsConsumedConcurrently: number;
  /** Interval at which handled offsets are committed (and at stop). */
  readonly commitIntervalMs: number;
  readonly redeliveryBackoff: Backoff;
  /** Between attempts to bring back a consumer whose stream failed. */
  readonly restartBackoff: Backoff;
  readonly logger: MessagingLogger;
}

/** At most this many messages per call of a batch handler (bounds a transaction). */
const MAX_BATCH = 100;
/** Fetched but unhandled messages at which the stream stops fetching until the lanes catch up. */
const MAX_BUFFERED = 2_000;

/**
 * One @platformatic/kafka consumer in a group. Its stream hands over every fetched record; each
 * partition has a lane ({@link PartitionLane}) that runs the handler in order, so partitions go on
 * independently. A failed handler keeps its message at the head of its lane and gets it again after
 * a backoff, while other partitions go on. The group position moves only past handled messages
 * (committed every `commitIntervalMs` and at stop); the stream's own autocommit is off.
 */
export class PlatformaticSubscription implements Subscription {
  private consumer: Consumer<string, Buffer, string, string> | undefined;
  private stream: MessagesStream<string, Buffer, string, string> | undefined;
  private lanes = new Map<string, PartitionLane>();
  private readonly running = new Set<Promise<void>>();
  private readonly timers = new SubscriptionTimers(() => this.stopped);
  private commitTimer: NodeJS.Timeout | undefined;
  private buffered = 0;
  private active = 0;
  private readonly waitingForSlot: (() => void)[] = [];
  private stopped = false;
  private restarts = 0;

  constructor(
    private readonly options: SubscribeOptions,
    private readonly settings: PlatformaticSubscriptionSettings,
  ) {}

  async start(): Promise<void> {
    const { Consumer, MessagesStreamFallbackModes, MessagesStreamModes, stringDeserializer } =
      platformaticKafka();
    const consumer = new Consumer<string, Buffer, string, string>({
      ...this.settings.client,
      groupId: this.options.groupId,
      autocommit: false,
      deserializers: {
        key: stringDeserializer,
        headerKey: stringDeserializer,
        headerValue: stringDeserializer,
      },
    });
    this.consumer = consumer;
    consumer.on('consumer:group:join', () => this.dropRevokedLanes());
    const stream = await consumer.consume({
      topics: [...this.options.topics],
      mode: MessagesStreamModes.COMMITTED,
      // A new group starts at the beginning, or at the end as of now: the stream resolves "latest"
      // before its first fetch, and subscribe() waits for that (below), so nothing published after
      // subscribe() resolved is skipped.
      fallbackMode:
        (this.options.fromBeginning ?? true)
          ? MessagesStreamFallbackModes.EARLIEST
          : MessagesStreamFallbackModes.LATEST,
      autocommit: false,
    });
    this.stream = stream;
    const positioned = once(stream, 'offsets');
    stream.on('data', (record: PlatformaticRecord) => this.accept(fromPlatformaticMessage(record)));
    stream.on('error', (error: Error) => this.onStreamError(error));
    await positioned;
    this.commitTimer = setInterval(() => void this.commit(), this.settings.commitIntervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clear();
    await this.shutDown();
  }

  /** Waits for the handlers in progress, commits what they finished, then leaves the group. */
  private async shutDown(): Promise<void> {
    if (this.commitTimer) clearInterval(this.commitTimer);
    this.commitTimer = undefined;
    this.stream?.pause();
    for (const lane of this.lanes.values()) lane.revoked = true;
    await Promise.all([...this.running]);
    await this.commit();
    this.lanes = new Map();
    this.buffered = 0;
    await this.stream?.close().catch(() => undefined);
    await this.consumer?.close().catch(() => undefined);
    this.stream = undefined;
    this.consumer = undefined;
  }

  private accept(message: IncomingMessage): void {
    const laneKey = `${message.topic}:${message.partition}`;
    let lane = this.lanes.get(laneKey);
    if (!lane) {
      lane = new PartitionLane(message.topic, message.partition);
      this.lanes.set(laneKey, lane);
    }
    if (!lane.accept(message)) return;
    this.buffered += 1;
    if (this.buffered >= MAX_BUFFERED) this.stream?.pause();
    if (!lane.running && lane.failures === 0) this.run(lane);
  }

  /** Runs a lane once the current fetch's records are all queued (they are pushed in one go). */
  private run(lane: PartitionLane): void {
    lane.running = true;
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain(lane))
      .finally(() => {
        lane.running = false;
        this.running.delete(done);
      });
    this.running.add(done);
  }

  private async drain(lane: PartitionLane): Promise<void> {
    // After a failed batch, its messages go one by one (each with its own retries).
    let oneByOne = 0;
    while (lane.queue.length > 0 && !lane.revoked && !this.stopped) {
      const { handleBatch } = this.options;
      if (handleBatch && oneByOne === 0 && lane.queue.length > 1) {
        const chunk = lane.queue.slice(0, MAX_BATCH);
        if (await this.withSlot(() => this.deliverBatch(handleBatch, chunk))) {
          // Handled counts even when a stop came meanwhile: the stop commits it.
          this.handled(lane, chunk.length);
          continue;
        }
        oneByOne = chunk.length;
      }
      const message = lane.queue[0];
      try {
        await this.withSlot(() => this.options.handle(message));
      } catch (error) {
        this.redeliverLater(lane, message, error);
        return;
      }
      this.handled(lane, 1);
      if (oneByOne > 0) oneByOne -= 1;
    }
  }

  private handled(lane: PartitionLane, count: number): void {
    lane.done(count);
    this.buffered = Math.max(0, this.buffered - count);
    if (this.buffered < MAX_BUFFERED / 2 && this.stream?.isPaused() && !this.stopped) this.stream.resume();
  }

  /** False: the batch handler failed (the messages then go one by one, so nothing is skipped). */
  private async deliverBatch(
    handleBatch: NonNullable<SubscribeOptions['handleBatch']>,
    messages: readonly IncomingMessage[],
  ): Promise<boolean> {
    try {
      await handleBatch(messages);
      return true;
    } catch (error) {
      const { topic, partition } = messages[0];
      this.settings.logger.debug(
        { groupId: this.options.groupId, topic, partition, size: messages.length, ...errorFields(error) },
        'batch handler failed; delivering the messages one by one',
      );
      return false;
    }
  }

  /** The message stays at the head of its lane; the lane runs again after a backoff. */
  private redeliverLater(lane: PartitionLane, message: IncomingMessage, error: unknown): void {
    lane.failures += 1;
    const delay = backoffDelay(this.settings.redeliveryBackoff, lane.failures);
    this.settings.logger.warn(
      {
        groupId: this.options.groupId,
        topic: message.topic,
        partition: message.partition,
        offset: message.offset,
        failures: lane.failures,
        retryInMs: delay,
        ...errorFields(error),
      },
      'message handler failed; the message will be delivered again',
    );
    this.timers.later(delay, () => {
      if (!lane.revoked && !lane.running) this.run(lane);
    });
  }

  /** At most `partitionsConsumedConcurrently` handlers of this consumer run at the same time. */
  private async withSlot<T>(action: () => Promise<T>): Promise<T> {
    const limit = this.options.partitionsConsumedConcurrently ?? this.settings.partitionsConsumedConcurrently;
    if (this.active >= limit) await new Promise<void>((resolve) => this.waitingForSlot.push(resolve));
    this.active += 1;
    try {
      return await action();
    } finally {
      this.active -= 1;
      this.waitingForSlot.shift()?.();
    }
  }

  /** Partitions that went to another consumer: their queued messages are dropped (never committed). */
  private dropRevokedLanes(): void {
    const assigned = new Set(
      (this.consumer?.assignments ?? []).flatMap(({ topic, partitions }) =>
        partitions.map((p) => `${topic}:${p}`),
      ),
    );
    for (const [laneKey, lane] of this.lanes) {
      if (assigned.has(laneKey)) continue;
      lane.revoked = true;
      this.buffered -= lane.queue.length;
      this.lanes.delete(laneKey);
    }
  }

  private async commit(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) return;
    const lanes = [...this.lanes.values()].filter(
      (l) => l.handled !== undefined && l.handled !== l.committed,
    );
    if (lanes.length === 0) return;
    const offsets = lanes.map((l) => ({
      topic: l.topic,
      partition: l.partition,
      offset: l.handled as bigint,
      leaderEpoch: -1,
    }));
    try {
      await consumer.commit({ offsets });
      lanes.forEach((l, i) => (l.committed = offsets[i].offset));
    } catch (error) {
      // A rebalance in progress or a broker away: the next commit (or the next owner) catches up.
      this.settings.logger.debug(
        { groupId: this.options.groupId, ...errorFields(error) },
        'offset commit failed',
      );
    }
  }

  /** The client gave up (retries exhausted): a new consumer starts from the committed positions. */
  private onStreamError(error: Error): void {
    this.settings.logger.error(
      { groupId: this.options.groupId, ...errorFields(error) },
      'Kafka consumer failed',
    );
    if (!this.stopped) this.scheduleRestart();
  }

  private scheduleRestart(): void {
    this.restarts += 1;
    this.timers.later(backoffDelay(this.settings.restartBackoff, this.restarts), async () => {
      await this.shutDown();
      if (this.stopped) return;
      try {
        await this.start();
        if (this.stopped) return void (await this.shutDown());
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
