import type { Message, MessageToProduce } from '@platformatic/kafka';
import type { IncomingMessage, OutgoingMessage } from '../message-bus';

/** Keys and header names/values travel as UTF-8 strings, values as bytes (the serdes set on the clients). */
export type PlatformaticRecord = Message<string, Buffer, string, string>;
export type PlatformaticOutgoing = MessageToProduce<string, Buffer, string, string>;

export const toPlatformaticMessage = (topic: string, message: OutgoingMessage): PlatformaticOutgoing => ({
  topic,
  key: message.key,
  value: message.value,
  headers: new Map(Object.entries(message.headers)),
});

export function fromPlatformaticMessage(record: PlatformaticRecord): IncomingMessage {
  const headers: Record<string, string> = {};
  // A repeated header name: the first one wins, as with kafkajs (KafkaBus).
  for (const [name, value] of record.headers)
    if (!(name in headers) && value !== undefined) headers[name] = value;
  return {
    topic: record.topic,
    partition: record.partition,
    offset: String(record.offset),
    key: record.key ?? '',
    // A null value (a tombstone) arrives as no bytes; the decoders report it as malformed.
    value: record.value ?? Buffer.alloc(0),
    headers,
  };
}
