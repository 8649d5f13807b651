import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { IncomingMessage, OutgoingMessage } from '../message-bus';

export const toKafkaMessage = (message: OutgoingMessage): Message => ({
  key: message.key,
  value: message.value,
  headers: { ...message.headers },
});

export function fromKafkaMessage(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    // A null value (a tombstone) arrives as no bytes; the decoders report it as malformed.
    value: message.value ?? Buffer.alloc(0),
    headers: stringHeaders(message.headers),
  };
}

/** kafkajs hands headers over as Buffers (or arrays of them when a name repeats: the first one wins). */
function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) result[name] = typeof value === 'string' ? value : value.toString('utf8');
  }
  return result;
}
