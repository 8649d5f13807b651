import { randomUUID } from 'node:crypto';
import {
  COMMAND_ACCEPTED,
  COMMAND_REJECTED,
  eventTopicOf,
  type Actor,
  type CommandEnvelope,
  type EventEnvelope,
  type Message,
  type ServiceName,
} from '@tminus/contracts';
import { encodeEventEnvelope, type MessageBus } from '@tminus/messaging';

/** Numbers each stream's events from 1, the way the services' event stores do. */
export class StreamPositions {
  private readonly positions = new Map<string, number>();

  next(streamId: string): number {
    const position = (this.positions.get(streamId) ?? 0) + 1;
    this.positions.set(streamId, position);
    return position;
  }
}

export interface EventSpec {
  readonly streamId: string;
  readonly event: Message;
}

const SYSTEM: Actor = { userId: 'system', role: 'SYSTEM' };

/** The envelopes a service would publish for `events`; those answering `command` carry its id. */
export function envelopesFor(
  positions: StreamPositions,
  service: ServiceName,
  events: readonly EventSpec[],
  command?: CommandEnvelope,
  occurredAt = new Date().toISOString(),
): EventEnvelope[] {
  return events.map(({ streamId, event }, index) => ({
    id: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    source: `tminus.${service}`,
    streamId,
    streamPosition: positions.next(streamId),
    occurredAt,
    correlationId: command?.correlationId ?? randomUUID(),
    causationId: command?.commandId ?? randomUUID(),
    actor: command?.actor ?? SYSTEM,
    data: event.data,
    ...(command && { commandId: command.commandId, lastOfCommand: index === events.length - 1 }),
  }));
}

const marker = (
  command: CommandEnvelope,
  type: string,
  data: object,
  service: ServiceName,
): EventEnvelope => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  source: `tminus.${service}`,
  streamId: command.aggregateId,
  streamPosition: 0,
  occurredAt: new Date().toISOString(),
  correlationId: command.correlationId,
  causationId: command.commandId,
  commandId: command.commandId,
  lastOfCommand: true,
  actor: command.actor,
  data: {
    commandId: command.commandId,
    commandType: command.type,
    aggregateId: command.aggregateId,
    ...data,
  },
});

export const rejectionOf = (command: CommandEnvelope, service: ServiceName, code: string, message: string) =>
  marker(command, COMMAND_REJECTED, { code, message }, service);

export const acceptedOf = (command: CommandEnvelope, service: ServiceName) =>
  marker(command, COMMAND_ACCEPTED, {}, service);

export async function publishEvents(
  bus: Pick<MessageBus, 'publish'>,
  service: ServiceName,
  envelopes: readonly EventEnvelope[],
) {
  await bus.publish(
    eventTopicOf(service),
    envelopes.map((envelope) => encodeEventEnvelope(envelope)),
  );
}
