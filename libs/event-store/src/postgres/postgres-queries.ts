import { QueryFailedError } from 'typeorm';
import type { PendingOutboxMessage } from '../event-store';
import type { EventMetadata, StoredEvent } from '../shared/event-codec';
import { postgresPosition } from '../global-position';
import type { PostgresTables } from './postgres-schema';

/** Runs one statement and returns its rows: bound to a transaction's EntityManager or to the pool. */
export type PgQuery = <Row>(text: string, params: readonly unknown[]) => Promise<Row[]>;

export interface EventRow {
  readonly global_position: string;
  readonly transaction_id: string;
  readonly id: string;
  readonly stream_id: string;
  readonly stream_position: number;
  readonly type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly occurred_at: Date;
}

/** bigint and xid8 as text (node-pg gives bigint as a string anyway: typeorm#8583). */
export const EVENT_COLUMNS = `global_position::text AS global_position, transaction_id::text AS transaction_id,
  id::text AS id, stream_id, stream_position, type, schema_version, data, metadata, occurred_at`;

/** Only transactions older than every running one: a later poll can never find an earlier commit. */
const COMMITTED_BEFORE_ALL_RUNNING = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  globalPosition: postgresPosition.encode(row.transaction_id, row.global_position),
  id: row.id,
  streamId: row.stream_id,
  streamPosition: row.stream_position,
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata,
  occurredAt: row.occurred_at.toISOString(),
});

export const selectStream = (sql: PgQuery, t: PostgresTables, streamId: string, fromPosition = 1) =>
  sql<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${t.events} WHERE stream_id = $1 AND stream_position >= $2 ORDER BY stream_position`,
    [streamId, fromPosition],
  );

export const selectAll = (
  sql: PgQuery,
  t: PostgresTables,
  after: string | undefined,
  limit: number | undefined,
) => {
  const from = after ? postgresPosition.decode(after) : { transactionId: '0', sequence: '0' };
  return sql<EventRow>(
    // ORDER BY names the table's columns (`e.`): bare names would mean the text aliases of the select
    // list, and "1000" sorts before "999".
    `SELECT ${EVENT_COLUMNS} FROM ${t.events} AS e
      WHERE ${COMMITTED_BEFORE_ALL_RUNNING} AND (transaction_id, global_position) > ($1::xid8, $2::bigint)
      ORDER BY e.transaction_id, e.global_position LIMIT $3`,
    [from.transactionId, from.sequence, limit ?? null],
  );
};

interface OutboxRow {
  readonly id: string;
  readonly topic: string;
  readonly key: string;
  readonly envelope: PendingOutboxMessage['envelope'];
}

export const selectPendingOutbox = async (
  sql: PgQuery,
  t: PostgresTables,
  limit: number,
): Promise<PendingOutboxMessage[]> => {
  const rows = await sql<OutboxRow>(
    // No horizon here, unlike readAll: the relay has no cursor (sent rows are marked), so a row found
    // later than a newer one is still relayed. Per-stream order holds without it: a transaction that
    // appends to a stream has read that stream's earlier commit, so a snapshot that sees it sees that
    // one too. The horizon is cluster-wide (every database of the server): any long write elsewhere —
    // a rebuild, another service's projector — hid every fresh row until the relay's next poll (#12).
    // `o.id`, the bigserial: a bare `id` would sort by the text alias, and "10" before "9".
    `SELECT id::text AS id, topic, key, envelope FROM ${t.outbox} AS o
      WHERE sent_at IS NULL
      ORDER BY o.transaction_id, o.id LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({ outboxId: row.id, topic: row.topic, key: row.key, envelope: row.envelope }));
};

/** The constraint a unique violation (SQLSTATE 23505) hit, or null for any other error. */
export function violatedUniqueKey(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const cause: unknown = error.driverError;
  if (typeof cause !== 'object' || cause === null) return null;
  const { code, constraint } = cause as { code?: unknown; constraint?: unknown };
  return code === '23505' && typeof constraint === 'string' ? constraint : null;
}
