import type { Logger } from 'pino';
import { projectEnvelope } from '../projector/project-envelope';
import type { ReadModelDb, Sql } from '../store/database';
import { EventLog } from '../store/event-log';
import {
  createProjectionTables,
  dropProjectionTables,
  ensureSchema,
  READ_MODEL_LOCK_KEY,
  renameProjectionTables,
} from '../store/schema';
import {
  LIVE_TABLES,
  NEXT_SUFFIX,
  OLD_SUFFIX,
  projectionTables,
  type ProjectionTables,
} from '../store/tables';

export interface RebuildReport {
  /** Events replayed (in bulk, then caught up at the switch). */
  readonly events: number;
  readonly caughtUp: number;
  readonly durationMs: number;
}

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly logger?: Pick<Logger, 'info'>;
}

const NEXT = projectionTables(NEXT_SUFFIX);
const OLD = projectionTables(OLD_SUFFIX);

/** Waits for every projector transaction in flight and keeps new ones out until the transaction ends. */
const lockOutProjectors = async (sql: Sql): Promise<void> => {
  if (sql.dialect === 'postgres') await sql.query('SELECT pg_advisory_xact_lock(?)', [READ_MODEL_LOCK_KEY]);
};

async function replay(sql: Sql, tables: ProjectionTables, afterSeq: number, upToSeq: number, limit: number) {
  const events = await new EventLog(sql).after(afterSeq, limit, upToSeq);
  for (const { envelope } of events) await projectEnvelope(sql, tables, envelope, { record: false });
  return { count: events.length, lastSeq: events.at(-1)?.seq ?? afterSeq };
}

/**
 * Rebuilds the projection tables from the stored events and switches to them atomically: a fresh
 * `_next` set is filled while the gateway keeps serving (and projecting into) the live set; the switch
 * transaction replays what arrived meanwhile and renames `_next` to live. Readers see the old model or
 * the new one, never a half-built one. Safe while gateways run (PostgreSQL or SQLite).
 */
export async function rebuildProjections(
  db: ReadModelDb,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 500;
  await ensureSchema(db);
  await db.transaction(async (sql) => {
    await dropProjectionTables(sql, NEXT);
    await dropProjectionTables(sql, OLD);
    await createProjectionTables(sql, NEXT);
  });
  // Every event up to the watermark was committed when it was read: replaying up to it skips none.
  const watermark = await db.transaction(async (sql) => {
    await lockOutProjectors(sql);
    return new EventLog(sql).lastSeq();
  });
  let replayed = 0;
  for (let lastSeq = 0; lastSeq < watermark;) {
    const batch = await db.transaction((sql) => replay(sql, NEXT, lastSeq, watermark, batchSize));
    if (batch.count === 0) break;
    replayed += batch.count;
    lastSeq = batch.lastSeq;
    options.logger?.info({ replayed, watermark }, 'rebuilding projections');
  }
  const caughtUp = await db.transaction(async (sql) => {
    await lockOutProjectors(sql);
    let count = 0;
    for (let lastSeq = watermark; ;) {
      const batch = await replay(sql, NEXT, lastSeq, Number.MAX_SAFE_INTEGER, batchSize);
      if (batch.count === 0) break;
      count += batch.count;
      lastSeq = batch.lastSeq;
    }
    await renameProjectionTables(sql, LIVE_TABLES, OLD);
    await renameProjectionTables(sql, NEXT, LIVE_TABLES);
    return count;
  });
  // Dropped after the switch committed: a reader that was waiting on the old tables still finds them.
  await db.transaction((sql) => dropProjectionTables(sql, OLD));
  const report = {
    events: replayed + caughtUp,
    caughtUp,
    durationMs: Math.round(performance.now() - started),
  };
  options.logger?.info(report, 'projections rebuilt and switched');
  return report;
}
