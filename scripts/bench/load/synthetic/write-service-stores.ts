/**
 * Writes synthetic envelopes into the three services' own event stores through the event store's
 * public API (`append` with an expected version: the same codec, columns and checks the services
 * use), one store per source. Within a chunk, each stream's events are appended together in stream
 * order, so a chunk costs one append per stream, not per event. Markers (position 0) are not stored:
 * services publish them, they never append them.
 */
import type { CommandOutcome, EventStore, NewEvent } from '@tminus/event-store';
import type { SyntheticEnvelope } from './synthetic-events';

const CHUNK = 10_000;

/** The stores by the envelope source they hold ('tminus.launches', 'tminus.teams', 'tminus.checklists'). */
export type ServiceStores = ReadonlyMap<string, EventStore>;

export interface WriteServiceStoresOptions {
  /**
   * Also record each command's outcome, as the services do with every command they handle (the
   * idempotency table a lived store holds one row per command in): ACCEPTED with its events for the
   * last event of a command, REJECTED with its code for a rejection marker. Default false.
   */
  readonly commandOutcomes?: boolean;
}

const toNewEvent = ({ envelope }: SyntheticEnvelope): NewEvent => ({
  id: envelope.id,
  type: envelope.type,
  data: envelope.data,
  schemaVersion: envelope.schemaVersion,
  occurredAt: envelope.occurredAt,
  correlationId: envelope.correlationId,
  causationId: envelope.causationId,
  commandId: envelope.commandId,
  lastOfCommand: envelope.lastOfCommand,
  actor: envelope.actor,
});

interface RecordedOutcome {
  readonly commandId: string;
  readonly outcome: CommandOutcome;
}

/** Synthetic commands: one event each (a rejection is its marker), so an outcome needs no lookback. */
function outcomeOf({ envelope }: SyntheticEnvelope): RecordedOutcome | undefined {
  if (!envelope.commandId) return undefined;
  if (envelope.streamPosition > 0)
    return envelope.lastOfCommand
      ? { commandId: envelope.commandId, outcome: { status: 'ACCEPTED', eventIds: [envelope.id] } }
      : undefined;
  const { code } = envelope.data as { code?: string };
  return { commandId: envelope.commandId, outcome: { status: 'REJECTED', code, eventIds: [envelope.id] } };
}

async function writeChunk(
  stores: ServiceStores,
  chunk: readonly SyntheticEnvelope[],
  options: WriteServiceStoresOptions,
): Promise<number> {
  const byStore = new Map<EventStore, Map<string, SyntheticEnvelope[]>>();
  const outcomes = new Map<EventStore, RecordedOutcome[]>();
  for (const entry of chunk) {
    const store = stores.get(entry.envelope.source);
    if (!store) continue;
    const outcome = options.commandOutcomes ? outcomeOf(entry) : undefined;
    if (outcome) {
      const recorded = outcomes.get(store) ?? [];
      outcomes.set(store, recorded);
      recorded.push(outcome);
    }
    if (entry.envelope.streamPosition <= 0) continue;
    const streams = byStore.get(store) ?? new Map<string, SyntheticEnvelope[]>();
    byStore.set(store, streams);
    const events = streams.get(entry.envelope.streamId) ?? [];
    streams.set(entry.envelope.streamId, events);
    events.push(entry);
  }
  let written = 0;
  for (const store of new Set([...byStore.keys(), ...outcomes.keys()])) {
    await store.transaction(async (tx) => {
      for (const [streamId, events] of byStore.get(store) ?? []) {
        await tx.append(streamId, events.map(toNewEvent), events[0].envelope.streamPosition - 1);
        written += events.length;
      }
      for (const { commandId, outcome } of outcomes.get(store) ?? [])
        await tx.recordCommandOutcome(commandId, outcome);
    });
  }
  return written;
}

export async function writeServiceStores(
  stores: ServiceStores,
  envelopes: Iterable<SyntheticEnvelope>,
  options: WriteServiceStoresOptions = {},
): Promise<number> {
  let written = 0;
  let chunk: SyntheticEnvelope[] = [];
  for (const entry of envelopes) {
    chunk.push(entry);
    if (chunk.length < CHUNK) continue;
    written += await writeChunk(stores, chunk, options);
    chunk = [];
  }
  return written + (await writeChunk(stores, chunk, options));
}
