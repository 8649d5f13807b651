import type { EventEnvelope } from '@tminus/contracts';
import { createEventStore, type EventStore, type StoreTransaction } from '@tminus/event-store';
import { createTestDatabase } from '@tminus/testing';

/**
 * Writes `count` events round-robin over `streams`, one transaction per event, each with its outbox
 * row for `topic` (what a command handler does). @returns the event ids in commit order.
 */
export async function writeEventsWithOutbox(
  store: EventStore,
  topic: string,
  streams: readonly string[],
  count: number,
  firstIndex = 0,
): Promise<string[]> {
  const ids: string[] = [];
  for (let n = firstIndex; n < firstIndex + count; n++) {
    const streamId = streams[n % streams.length];
    const recorded = await store.transaction(async (tx) => {
      const { events } = await tx.append(
        streamId,
        [{ type: 'TestThingHappened', data: { n }, correlationId: `corr-${n}`, causationId: `cause-${n}` }],
        'any',
      );
      await tx.enqueueOutbox(events.map((envelope) => ({ topic, key: streamId, envelope })));
      return events;
    });
    ids.push(...recorded.map((e) => e.id));
  }
  return ids;
}

/**
 * A consumer's projection: every application of an event appends one `Applied` row to the
 * consumer's store, in the transaction the idempotent handler opened. One projection stream per
 * source stream, so partitions consumed in parallel never contend for one stream's positions.
 */
export async function recordApplied(tx: StoreTransaction, envelope: EventEnvelope): Promise<void> {
  await tx.append(
    `applied-${envelope.streamId}`,
    [
      {
        type: 'Applied',
        data: { eventId: envelope.id },
        correlationId: envelope.correlationId,
        causationId: envelope.id,
      },
    ],
    'any',
  );
}

/** Every application the projection recorded (duplicates included, if there were any). */
export async function appliedEventIds(store: EventStore): Promise<string[]> {
  const rows = await store.readAll({ limit: 100_000 });
  return rows.filter((e) => e.type === 'Applied').map((e) => (e.data as { eventId: string }).eventId);
}

/** Two services' stores on one fresh test database: the one that writes and relays, the one that consumes. */
export interface PipelineStores {
  readonly source: EventStore;
  readonly consumerStore: EventStore;
  close(): Promise<void>;
}

export async function openPipelineStores(prefix: string): Promise<PipelineStores> {
  const db = await createTestDatabase(prefix);
  const source = await createEventStore({
    kind: 'postgres',
    url: db.url,
    schema: 'source_service',
    source: 'tminus.test',
  });
  const consumerStore = await createEventStore({ kind: 'postgres', url: db.url, schema: 'consumer_service' });
  return {
    source,
    consumerStore,
    close: async () => {
      await source.close();
      await consumerStore.close();
      await db.drop();
    },
  };
}
