export * from './event-store';
export * from './errors';
export { KeyedLock } from './support/keyed-lock';
export { compareGlobalPositions, InvalidGlobalPositionError } from './global-position';
export { UpcasterRegistry, type Upcaster, type Upcasted } from './upcasting/upcaster-registry';
export { eventUpcasters, upcastEnvelope } from './upcasting/event-upcasters';
export type { EventStoreOptions } from './shared/store-options';
export { createEventStore, type EventStoreConfig } from './create-event-store';
// The PostgreSQL store itself only through createEventStore, which loads it (and TypeORM) on demand.
export type { PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
