import {
  COMMAND_ACCEPTED,
  COMMAND_REJECTED,
  newId,
  schemaVersionOf,
  type CommandAcceptedData,
  type CommandEnvelope,
  type CommandRejectedData,
  type EventEnvelope,
  type Message,
} from '@tminus/contracts';
import type { NewEvent, RecordedEvent } from '@tminus/event-store';

/** The events a command produced, stamped with where they came from (the last one closes the command). */
export const toNewEvents = (events: readonly Message[], command: CommandEnvelope, now: Date): NewEvent[] =>
  events.map((event, index) => ({
    id: newId(),
    type: event.type,
    data: event.data,
    occurredAt: now.toISOString(),
    correlationId: command.correlationId,
    causationId: command.commandId,
    commandId: command.commandId,
    lastOfCommand: index === events.length - 1,
    actor: command.actor,
    traceparent: command.traceparent,
  }));

/** What goes to the outbox: the stored envelope without its store-local position, under the service's source. */
export const toPublishedEnvelope = (event: RecordedEvent, source: string): EventEnvelope => {
  const { globalPosition: _position, ...envelope } = event;
  return { ...envelope, source };
};

/** A marker outside any stream (position 0) that answers the command. */
const marker = <Type extends string, Data>(
  type: Type,
  command: CommandEnvelope,
  streamId: string,
  data: Data,
  source: string,
  now: Date,
): EventEnvelope<Type, Data> => ({
  id: newId(),
  type,
  schemaVersion: schemaVersionOf(type),
  source,
  streamId,
  streamPosition: 0,
  occurredAt: now.toISOString(),
  correlationId: command.correlationId,
  causationId: command.commandId,
  commandId: command.commandId,
  lastOfCommand: true,
  actor: command.actor,
  ...(command.traceparent !== undefined && { traceparent: command.traceparent }),
  data,
});

export const commandRejected = (
  command: CommandEnvelope,
  rejection: { code: string; message: string },
  source: string,
  now: Date,
): EventEnvelope<typeof COMMAND_REJECTED, CommandRejectedData> =>
  marker(
    COMMAND_REJECTED,
    command,
    command.aggregateId,
    {
      commandId: command.commandId,
      commandType: command.type,
      aggregateId: command.aggregateId,
      code: rejection.code,
      message: rejection.message,
    },
    source,
    now,
  );

export const commandAccepted = (
  command: CommandEnvelope,
  streamId: string,
  source: string,
  now: Date,
): EventEnvelope<typeof COMMAND_ACCEPTED, CommandAcceptedData> =>
  marker(
    COMMAND_ACCEPTED,
    command,
    streamId,
    { commandId: command.commandId, commandType: command.type, aggregateId: command.aggregateId },
    source,
    now,
  );
