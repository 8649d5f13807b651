import type { CommandEnvelope, EventEnvelope } from '@tminus/contracts';
import { isTraceparent } from '@tminus/tracing';
import type { IncomingMessage, OutgoingMessage } from '../message-bus';
import { CE, CLOUDEVENTS_SPEC_VERSION, JSON_CONTENT_TYPE, isJsonContentType } from './cloud-events';
import { HeaderReader } from './header-reader';
import { MalformedMessageError, type MessageLocation } from './malformed-message-error';

/** CloudEvents requires a source; commands carry none of their own, so they name the system. */
const DEFAULT_COMMAND_SOURCE = 'tminus';

export interface EncodeEventOptions {
  /** The record key; defaults to the stream id (what keeps a stream's events in order). */
  readonly key?: string;
}

/** An event as a Kafka record in CloudEvents binary mode: attributes in `ce_` headers, `data` as JSON value. */
export function encodeEventEnvelope(
  envelope: EventEnvelope,
  options: EncodeEventOptions = {},
): OutgoingMessage {
  const headers: Record<string, string> = {
    [CE.specVersion]: CLOUDEVENTS_SPEC_VERSION,
    [CE.id]: envelope.id,
    [CE.type]: envelope.type,
    [CE.source]: envelope.source,
    [CE.time]: envelope.occurredAt,
    [CE.subject]: envelope.streamId,
    [CE.contentType]: JSON_CONTENT_TYPE,
    [CE.streamPosition]: String(envelope.streamPosition),
    [CE.schemaVersion]: String(envelope.schemaVersion),
    [CE.correlationId]: envelope.correlationId,
    [CE.causationId]: envelope.causationId,
  };
  if (envelope.commandId !== undefined) headers[CE.commandId] = envelope.commandId;
  if (envelope.lastOfCommand !== undefined) headers[CE.lastOfCommand] = String(envelope.lastOfCommand);
  if (envelope.actor !== undefined) headers[CE.actor] = JSON.stringify(envelope.actor);
  if (isTraceparent(envelope.traceparent)) headers[CE.traceparent] = envelope.traceparent;
  return { key: options.key ?? envelope.streamId, value: jsonValue(envelope.data), headers };
}

/** @throws {MalformedMessageError} listing every missing or invalid header, or a value that is not JSON. */
export function decodeEventEnvelope(message: OutgoingMessage | IncomingMessage): EventEnvelope {
  const read = new HeaderReader(message.headers);
  checkCloudEvent(read);
  const envelope: EventEnvelope = {
    id: read.required(CE.id),
    type: read.required(CE.type),
    schemaVersion: read.integer(CE.schemaVersion, 1),
    source: read.required(CE.source),
    streamId: read.required(CE.subject),
    streamPosition: read.integer(CE.streamPosition, 0),
    occurredAt: read.timestamp(CE.time),
    correlationId: read.required(CE.correlationId),
    causationId: read.required(CE.causationId),
    ...optionalEventFields(read),
    data: parseValue(message, read),
  };
  throwIfProblems(read, message);
  return envelope;
}

function optionalEventFields(
  read: HeaderReader,
): Pick<EventEnvelope, 'commandId' | 'lastOfCommand' | 'actor' | 'traceparent'> {
  const commandId = read.optional(CE.commandId);
  const lastOfCommand = read.optionalBoolean(CE.lastOfCommand);
  const actor = read.optionalActor(CE.actor);
  const traceparent = traceparentOf(read);
  return {
    ...(commandId !== undefined && { commandId }),
    ...(lastOfCommand !== undefined && { lastOfCommand }),
    ...(actor !== undefined && { actor }),
    ...(traceparent !== undefined && { traceparent }),
  };
}

/** Trace context is a hint, never a reason to refuse a message: a malformed one is dropped. */
const traceparentOf = (read: HeaderReader): string | undefined => {
  const value = read.optional(CE.traceparent);
  return isTraceparent(value) ? value : undefined;
};

export interface EncodeCommandOptions {
  /** The CloudEvents source, e.g. the sending service; defaults to {@link DEFAULT_COMMAND_SOURCE}. */
  readonly source?: string;
}

/** A command as a Kafka record keyed by its aggregate id: `ce_id` is the command id, `payload` the value. */
export function encodeCommandEnvelope(
  command: CommandEnvelope,
  options: EncodeCommandOptions = {},
): OutgoingMessage {
  const headers: Record<string, string> = {
    [CE.specVersion]: CLOUDEVENTS_SPEC_VERSION,
    [CE.id]: command.commandId,
    [CE.type]: command.type,
    [CE.source]: options.source ?? DEFAULT_COMMAND_SOURCE,
    [CE.time]: command.issuedAt,
    [CE.subject]: command.aggregateId,
    [CE.contentType]: JSON_CONTENT_TYPE,
    [CE.correlationId]: command.correlationId,
    [CE.actor]: JSON.stringify(command.actor),
  };
  if (isTraceparent(command.traceparent)) headers[CE.traceparent] = command.traceparent;
  return { key: command.aggregateId, value: jsonValue(command.payload), headers };
}

/** @throws {MalformedMessageError} listing every missing or invalid header, or a value that is not JSON. */
export function decodeCommandEnvelope(message: OutgoingMessage | IncomingMessage): CommandEnvelope {
  const read = new HeaderReader(message.headers);
  checkCloudEvent(read);
  read.required(CE.source);
  const command: CommandEnvelope = {
    commandId: read.required(CE.id),
    type: read.required(CE.type),
    aggregateId: read.required(CE.subject),
    actor: read.requiredActor(CE.actor),
    correlationId: read.required(CE.correlationId),
    issuedAt: read.timestamp(CE.time),
    ...(traceparentOf(read) !== undefined && { traceparent: traceparentOf(read) }),
    payload: parseValue(message, read),
  };
  throwIfProblems(read, message);
  return command;
}

function checkCloudEvent(read: HeaderReader): void {
  read.exactly(CE.specVersion, CLOUDEVENTS_SPEC_VERSION);
  const contentType = read.optional(CE.contentType);
  if (contentType !== undefined && !isJsonContentType(contentType)) {
    read.problems.push(`content-type "${contentType}" is not ${JSON_CONTENT_TYPE}`);
  }
}

// JSON.stringify(undefined) gives undefined, not a string: absent data travels as `null`.
const jsonValue = (data: unknown): Buffer => Buffer.from(JSON.stringify(data ?? null), 'utf8');

function parseValue(message: OutgoingMessage, read: HeaderReader): unknown {
  if (message.value.length === 0) {
    read.problems.push('the value is empty (expected JSON)');
    return null;
  }
  try {
    return JSON.parse(message.value.toString('utf8')) as unknown;
  } catch (error) {
    read.problems.push(`the value is not JSON (${(error as Error).message})`);
    return null;
  }
}

function throwIfProblems(read: HeaderReader, message: OutgoingMessage | IncomingMessage): void {
  if (read.problems.length > 0) throw new MalformedMessageError(read.problems, locationOf(message));
}

const locationOf = (message: OutgoingMessage | IncomingMessage): MessageLocation | undefined =>
  'topic' in message
    ? { topic: message.topic, partition: message.partition, offset: message.offset }
    : undefined;
