import { randomUUID } from 'node:crypto';
import type { Actor } from '@tminus/contracts';
import type { NewEvent, RecordedEvent } from '../event-store';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';

/** What the `metadata` column holds: the envelope fields that are not columns of their own. */
export interface EventMetadata {
  readonly source: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly commandId?: string;
  readonly lastOfCommand?: boolean;
  readonly actor?: Actor;
  readonly traceparent?: string;
}

/** One event row about to be inserted. */
export interface EventToWrite {
  readonly id: string;
  readonly streamPosition: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly occurredAt: string;
}

/** One event row as read back, already decoded from the dialect's column types. */
export interface StoredEvent {
  readonly globalPosition: string;
  readonly id: string;
  readonly streamId: string;
  readonly streamPosition: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly occurredAt: string;
}

/** Maps between what callers pass/see and what both dialects store. */
export class EventCodec {
  constructor(
    private readonly source: string,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  toWrite(event: NewEvent, streamPosition: number): EventToWrite {
    return {
      id: event.id ?? randomUUID(),
      streamPosition,
      type: event.type,
      schemaVersion: event.schemaVersion ?? this.upcasters.currentVersion(event.type),
      data: event.data,
      metadata: withoutUndefined({
        source: this.source,
        correlationId: event.correlationId,
        causationId: event.causationId,
        commandId: event.commandId,
        lastOfCommand: event.lastOfCommand,
        actor: event.actor,
        traceparent: event.traceparent,
      }),
      // Normalised to UTC ISO so both dialects give back the same string.
      occurredAt: new Date(event.occurredAt ?? Date.now()).toISOString(),
    };
  }

  toRecorded(stored: StoredEvent): RecordedEvent {
    const { schemaVersion, data } = this.upcasters.upcast(stored.type, stored.schemaVersion, stored.data);
    const { source, correlationId, causationId, commandId, lastOfCommand, actor, traceparent } =
      stored.metadata;
    return withoutUndefined({
      id: stored.id,
      type: stored.type,
      schemaVersion,
      source,
      streamId: stored.streamId,
      streamPosition: stored.streamPosition,
      occurredAt: stored.occurredAt,
      correlationId,
      causationId,
      commandId,
      lastOfCommand,
      actor,
      traceparent,
      data,
      globalPosition: stored.globalPosition,
    });
  }
}

/** Optional envelope fields are absent rather than `undefined`, so envelopes compare and serialise cleanly. */
const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
