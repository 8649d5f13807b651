// Test envelopes: a stream-aware factory so specs state events, not envelope plumbing.
import type {
  Actor,
  ChecklistEvent,
  ChecklistTemplateEvent,
  EventEnvelope,
  LaunchEvent,
  Message,
  TeamEvent,
} from '@tminus/contracts';

export type AnyEvent = LaunchEvent | ChecklistEvent | TeamEvent | ChecklistTemplateEvent | Message;

export const T0 = '2026-01-01T00:00:00.000Z';
export const ACTOR: Actor = { userId: 'alice', role: 'ADMIN' };

const SOURCE_BY_PREFIX: ReadonlyArray<[RegExp, string]> = [
  [/^(Launch|Team(Required|Released)|GoNoGo|Hypercare|Incident|Gate)/, 'tminus.launches'],
  [/^Team/, 'tminus.teams'],
  [/^Checklist/, 'tminus.checklists'],
];

export interface EnvelopeOptions {
  /** occurredAt; by default one second after the previous envelope of this factory. */
  readonly at?: string;
  readonly actor?: Actor;
  /** Force a stream position (e.g. to redeliver an event). */
  readonly position?: number;
}

/** Numbers each stream's events from 1 and advances a clock by a second per envelope. */
export const envelopeFactory = (start: string = T0) => {
  const positions = new Map<string, number>();
  let clock = Date.parse(start);
  let sequence = 0;
  return (streamId: string, event: AnyEvent, options: EnvelopeOptions = {}): EventEnvelope => {
    const position = options.position ?? (positions.get(streamId) ?? 0) + 1;
    positions.set(streamId, Math.max(position, positions.get(streamId) ?? 0));
    const occurredAt = options.at ?? new Date((clock += 1000)).toISOString();
    sequence += 1;
    return {
      id: `event-${sequence}`,
      type: event.type,
      schemaVersion: 1,
      source: SOURCE_BY_PREFIX.find(([pattern]) => pattern.test(event.type))?.[1] ?? 'tminus',
      streamId,
      streamPosition: position,
      occurredAt,
      correlationId: `correlation-${sequence}`,
      causationId: `cause-${sequence}`,
      commandId: `command-${sequence}`,
      actor: options.actor ?? ACTOR,
      data: event.data,
    };
  };
};
