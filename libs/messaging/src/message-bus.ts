/** A message as it travels: bytes plus string headers, keyed for per-key ordering. */
export interface OutgoingMessage {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

export interface IncomingMessage extends OutgoingMessage {
  readonly topic: string;
  readonly partition: number;
  /** The message's offset in its partition (a string: Kafka offsets are 64-bit). */
  readonly offset: string;
}

export type MessageHandler = (message: IncomingMessage) => Promise<void>;

/** Consecutive messages of one partition, in order: all of them handled when it resolves. */
export type BatchHandler = (messages: readonly IncomingMessage[]) => Promise<void>;

export interface SubscribeOptions {
  /** Consumers of one group share the partitions; each group has its own positions. */
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a group with no position starts (default: the beginning). */
  readonly fromBeginning?: boolean;
  /** Called once per message, in order per partition. The position moves only after it resolves. */
  readonly handle: MessageHandler;
  /**
   * Optional: what was fetched of one partition, handed over at once (at most 100 messages), so the
   * handler can commit them in one transaction. The position moves past all of them when it
   * resolves; when it rejects, the same messages go to `handle` one by one (with its usual retries
   * and redelivery), so a batch handler may give up on anything and must merely be idempotent.
   */
  readonly handleBatch?: BatchHandler;
  /**
   * How many partitions one consumer processes at the same time (each still strictly in order).
   * Kafka only; the in-process bus always runs partitions independently. Default: the bus's setting.
   */
  readonly partitionsConsumedConcurrently?: number;
}

export interface Subscription {
  stop(): Promise<void>;
}

/** Where a consumer group stands in one partition of a topic. */
export interface PartitionPosition {
  readonly partition: number;
  /** The offset the group reads next (the earliest kept offset when the group has no position yet). */
  readonly next: string;
  /** The offset the next published message will get: the group is caught up when `next === end`. */
  readonly end: string;
}

/**
 * The transport the apps see. Kafka in distributed mode, a durable in-process log in embedded mode;
 * both give per-key order, at-least-once delivery and one position per consumer group.
 */
export interface MessageBus {
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /**
   * Positions of `groupId` in every partition of `topic`; tools use it to know when a backlog (a
   * dead-letter topic being replayed) is done. Optional so that test doubles need not implement it.
   */
  positions?(groupId: string, topic: string): Promise<PartitionPosition[]>;
  close(): Promise<void>;
}
