import { KafkaBus, type KafkaBusOptions } from './kafka/kafka-bus';
import type { MessageBus } from './message-bus';
import { PlatformaticBus } from './platformatic/platformatic-bus';

/** The Kafka client behind the bus (ADR 0015): kafkajs (KafkaBus) or @platformatic/kafka (PlatformaticBus). */
export const KAFKA_CLIENTS = ['kafkajs', 'platformatic'] as const;
export type KafkaClientName = (typeof KAFKA_CLIENTS)[number];

/** The client when nothing chooses one (TMINUS_KAFKA_CLIENT unset). */
export const DEFAULT_KAFKA_CLIENT: KafkaClientName = 'kafkajs';

export interface KafkaClientBusOptions extends KafkaBusOptions {
  readonly client?: KafkaClientName;
}

/**
 * A MessageBus on Kafka through the chosen client. Both read and write the same topics, partitions
 * (murmur2 keys) and group positions, so a deployment can switch clients between restarts.
 * kafkajs-only settings (`kafkaLogLevel`, `retry`) are ignored by PlatformaticBus.
 */
export function createKafkaBus({
  client = DEFAULT_KAFKA_CLIENT,
  ...options
}: KafkaClientBusOptions): MessageBus {
  return client === 'platformatic' ? new PlatformaticBus(options) : new KafkaBus(options);
}

/** TMINUS_KAFKA_CLIENT for tools and benches that read the environment directly; unknown names fail. */
export function kafkaClientFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaClientName {
  const raw = env.TMINUS_KAFKA_CLIENT?.trim();
  if (!raw) return DEFAULT_KAFKA_CLIENT;
  const known = KAFKA_CLIENTS.find((name) => name === raw);
  if (!known) throw new Error(`TMINUS_KAFKA_CLIENT must be one of ${KAFKA_CLIENTS.join(', ')} (got ${raw})`);
  return known;
}
