import type { EventStore } from './event-store';
import type { PostgresEventStoreOptions } from './postgres/postgres-event-store';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';

export type EventStoreConfig =
  | ({ readonly kind: 'postgres' } & PostgresEventStoreOptions)
  | ({ readonly kind: 'sqlite' } & SqliteEventStoreOptions);

/** Connects, creates the tables if needed, and returns a ready store. */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  switch (config.kind) {
    case 'postgres': {
      // Loaded here, not with the library: the PostgreSQL store brings TypeORM (≈300 modules, ≈10 MB
      // of RSS), which the embedded process (SQLite) and the gateway (no event store) never run.
      const { PostgresEventStore } = await import('./postgres/postgres-event-store');
      return PostgresEventStore.create(config);
    }
    case 'sqlite':
      return SqliteEventStore.create(config);
  }
}
