/**
 * Tables of one PostgreSQL event store, all in one schema (default `public`), so several stores can
 * share a database when needed. Created idempotently by `init()`: CREATE … IF NOT EXISTS under an
 * advisory lock (concurrent IF NOT EXISTS on the same table can still collide in pg_type).
 */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresTables {
  readonly schema: string;
  readonly events: string;
  readonly outbox: string;
  readonly processedCommands: string;
  readonly reservations: string;
  readonly checkpoints: string;
}

export function postgresTables(schema: string): PostgresTables {
  if (!IDENTIFIER.test(schema))
    throw new Error(`Invalid schema name "${schema}": use lower-case letters, digits, _`);
  const table = (name: string): string => `"${schema}"."${name}"`;
  return {
    schema,
    events: table('events'),
    outbox: table('outbox'),
    processedCommands: table('processed_commands'),
    reservations: table('reservations'),
    checkpoints: table('checkpoints'),
  };
}

/** The unique key that enforces expected versions; its violation is a ConcurrencyError. */
export const STREAM_POSITION_KEY = 'events_stream_position_key';
export const PROCESSED_COMMAND_KEY = 'processed_commands_pkey';

export const schemaStatements = (t: PostgresTables): string[] => [
  `CREATE SCHEMA IF NOT EXISTS "${t.schema}"`,
  `CREATE TABLE IF NOT EXISTS ${t.events} (
     global_position bigserial PRIMARY KEY,
     transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
     id uuid NOT NULL,
     stream_id text NOT NULL,
     stream_position integer NOT NULL CHECK (stream_position > 0),
     type text NOT NULL,
     schema_version integer NOT NULL,
     data jsonb NOT NULL,
     metadata jsonb NOT NULL,
     occurred_at timestamptz NOT NULL,
     CONSTRAINT events_id_key UNIQUE (id),
     CONSTRAINT ${STREAM_POSITION_KEY} UNIQUE (stream_id, stream_position)
   )`,
  `CREATE INDEX IF NOT EXISTS events_commit_order_idx ON ${t.events} (transaction_id, global_position)`,
  `CREATE TABLE IF NOT EXISTS ${t.outbox} (
     id bigserial PRIMARY KEY,
     transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
     topic text NOT NULL,
     key text NOT NULL,
     envelope jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     sent_at timestamptz NULL
   )`,
  `CREATE INDEX IF NOT EXISTS outbox_pending_idx ON ${t.outbox} (transaction_id, id) WHERE sent_at IS NULL`,
  `CREATE TABLE IF NOT EXISTS ${t.processedCommands} (
     command_id text NOT NULL,
     outcome jsonb NOT NULL,
     processed_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT ${PROCESSED_COMMAND_KEY} PRIMARY KEY (command_id)
   )`,
  `CREATE TABLE IF NOT EXISTS ${t.reservations} (
     scope text NOT NULL,
     key text NOT NULL,
     owner_id text NOT NULL,
     reserved_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (scope, key)
   )`,
  `CREATE TABLE IF NOT EXISTS ${t.checkpoints} (
     consumer text NOT NULL,
     key text NOT NULL,
     position text NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (consumer, key)
   )`,
];
