export * from './message-bus';
export * from './logger';

// Envelopes on the wire (CloudEvents Kafka protocol binding, binary mode).
export * from './serde/cloud-events';
export * from './serde/envelope-serde';
export * from './serde/malformed-message-error';

// Retries, dead letters and their replay.
export * from './dead-letters/dead-letter-headers';
export * from './dead-letters/reliable-consumer';
export * from './dead-letters/replay-dead-letters';

// Transports.
export * from './kafka/kafka-bus';
export type { KafkaLogLevel } from './kafka/kafka-logging';
export * from './kafka/kafka-admin';
export * from './platformatic/platformatic-bus';
export * from './kafka-client';
export * from './in-process/in-process-bus';
export { contractPartitionsOf, partitionFor } from './in-process/partitioner';

export { backoffDelay, type Backoff } from './support/wakeup';

// Exactly-once effects on top of at-least-once delivery.
export * from './idempotency/idempotent-handler';
export * from './idempotency/stream-gap-error';
export * from './outbox/outbox-relay';
export * from './namespaced-bus';
