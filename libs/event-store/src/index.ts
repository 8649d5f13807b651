export * from './event-store';
export * from './errors';
export { compareGlobalPositions, InvalidGlobalPositionError } from './global-position';
export { UpcasterRegistry, type Upcaster, type Upcasted } from './upcasting/upcaster-registry';
export { eventUpcasters, upcastEnvelope } from './upcasting/event-upcasters';
export type { EventStoreOptions } from './shared/store-options';
export { createEventStore, type EventStoreConfig } from './create-event-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
