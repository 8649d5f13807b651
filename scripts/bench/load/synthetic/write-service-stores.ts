/**
 * Writes synthetic envelopes into the three services' own event stores through the event store's
 * public API (`append` with an expected version: the same codec, columns and checks the services
 * use), one store per source. Within a chunk, each stream's events are appended together in stream
 * order, so a chunk costs one append per stream, not per event. Markers (position 0) are not stored:
 * services publish them, they never append them.
 */
import type { EventStore, NewEvent } from '@tminus/event-store';
import type { SyntheticEnvelope } from './synthetic-events';

const CHUNK = 10_000;

/** The stores by the envelope source they hold ('tminus.launches', 'tminus.teams', 'tminus.checklists'). */
export type ServiceStores = ReadonlyMap<string, EventStore>;

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

async function writeChunk(stores: ServiceStores, chunk: readonly SyntheticEnvelope[]): Promise<number> {
  const byStore = new Map<EventStore, Map<string, SyntheticEnvelope[]>>();
  for (const entry of chunk) {
    const store = stores.get(entry.envelope.source);
    if (!store || entry.envelope.streamPosition <= 0) continue;
    const streams = byStore.get(store) ?? new Map<string, SyntheticEnvelope[]>();
    byStore.set(store, streams);
    const events = streams.get(entry.envelope.streamId) ?? [];
    streams.set(entry.envelope.streamId, events);
    events.push(entry);
  }
  let written = 0;
  for (const [store, streams] of byStore) {
    await store.transaction(async (tx) => {
      for (const [streamId, events] of streams) {
        await tx.append(streamId, events.map(toNewEvent), events[0].envelope.streamPosition - 1);
        written += events.length;
      }
    });
  }
  return written;
}

export async function writeServiceStores(
  stores: ServiceStores,
  envelopes: Iterable<SyntheticEnvelope>,
): Promise<number> {
  let written = 0;
  let chunk: SyntheticEnvelope[] = [];
  for (const entry of envelopes) {
    chunk.push(entry);
    if (chunk.length < CHUNK) continue;
    written += await writeChunk(stores, chunk);
    chunk = [];
  }
  return written + (await writeChunk(stores, chunk));
}
