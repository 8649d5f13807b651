import type { EventStore } from './event-store';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';

export type EventStoreConfig =
  | ({ readonly kind: 'postgres' } & PostgresEventStoreOptions)
  | ({ readonly kind: 'sqlite' } & SqliteEventStoreOptions);

/** Connects, creates the tables if needed, and returns a ready store. */
export function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  switch (config.kind) {
    case 'postgres':
      return PostgresEventStore.create(config);
    case 'sqlite':
      return SqliteEventStore.create(config);
  }
}
