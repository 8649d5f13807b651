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

/**
 * The commit-order horizon of this store's cursor readers: the lowest transaction id that may still
 * commit rows into this events table, so a read bounded by `transaction_id < horizon` can never be
 * followed by a commit that sorts before what it returned. Only this table's writers count, not every
 * transaction of the server (`pg_snapshot_xmin`, which any long write anywhere held back):
 *  - a writer holds a lock on the events table before it has a transaction id (the INSERT takes it;
 *    a store transaction that writes anything else first takes it explicitly: claimEventsTable), so
 *    a transaction running with an id and no such lock never appends to this table;
 *  - the snapshot is taken before pg_locks is read: a writer of the snapshot's in-flight list either
 *    still holds its lock (it bounds the horizon) or has finished, and the caller's next statement
 *    (a newer snapshot) sees its rows;
 *  - an id assigned after the snapshot is ≥ its xmax, which bounds the horizon too.
 * pg_locks gives 32-bit xids: matched against the low 32 bits of the in-flight xid8s.
 * Run it as its own statement, before the read it bounds (never in one snapshot with it).
 */
export const selectReadHorizon = async (sql: PgQuery, t: PostgresTables): Promise<string> => {
  const rows = await sql<{ horizon: string }>(
    `WITH snapshot AS (SELECT pg_current_snapshot() AS s),
       writers AS (
         SELECT own.transactionid::text::bigint AS xid
           FROM pg_locks AS held
           JOIN pg_locks AS own
             ON own.virtualtransaction = held.virtualtransaction AND own.locktype = 'transactionid'
          WHERE held.locktype = 'relation'
            AND held.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND held.relation = $1::regclass
            AND held.mode <> 'AccessShareLock')
     SELECT coalesce(
              (SELECT min(x) FROM pg_snapshot_xip(snapshot.s) AS x
                WHERE x::text::bigint % 4294967296 IN (SELECT xid FROM writers)),
              pg_snapshot_xmax(snapshot.s))::text AS horizon
       FROM snapshot`,
    [t.events],
  );
  return rows[0].horizon;
};

/** Events in commit order after the cursor, up to (excluding) `horizon` (selectReadHorizon). */
export const selectAll = (
  sql: PgQuery,
  t: PostgresTables,
  horizon: string,
  after: string | undefined,
  limit: number | undefined,
) => {
  const from = after ? postgresPosition.decode(after) : { transactionId: '0', sequence: '0' };
  return sql<EventRow>(
    // ORDER BY names the table's columns (`e.`): bare names would mean the text aliases of the select
    // list, and "1000" sorts before "999".
    `SELECT ${EVENT_COLUMNS} FROM ${t.events} AS e
      WHERE transaction_id < $4::xid8 AND (transaction_id, global_position) > ($1::xid8, $2::bigint)
      ORDER BY e.transaction_id, e.global_position LIMIT $3`,
    [from.transactionId, from.sequence, limit ?? null, horizon],
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
    // one too. (The cluster-wide xmin horizon it once had hid every fresh row behind any long write
    // elsewhere — a rebuild, another service's projector — until the relay's next poll, #12.)
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
