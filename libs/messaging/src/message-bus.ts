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

export interface SubscribeOptions {
  /** Consumers of one group share the partitions; each group has its own positions. */
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a group with no position starts (default: the beginning). */
  readonly fromBeginning?: boolean;
  /** Called once per message, in order per partition. The position moves only after it resolves. */
  readonly handle: MessageHandler;
}

export interface Subscription {
  stop(): Promise<void>;
}

/**
 * The transport the apps see. Kafka in distributed mode, a durable in-process log in embedded mode;
 * both give per-key order, at-least-once delivery and one position per consumer group.
 */
export interface MessageBus {
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  close(): Promise<void>;
}
