/**
 * Writes synthetic envelopes into the gateway's event log (`rm_events`, PostgreSQL or SQLite), the way
 * the projector logs them (EventLog: JSON envelope, launch id, normalised instant), in multi-row
 * INSERTs, many rows per transaction. The projection tables are left empty: a rebuild fills them.
 */
import { EventLog } from '../../../../apps/gateway/src/core/read-model/store/event-log';
import { ensureSchema } from '../../../../apps/gateway/src/core/read-model/store/schema';
import type { ReadModelDb } from '../../../../apps/gateway/src/index';
import type { SyntheticEnvelope } from './synthetic-events';

/** Rows per INSERT: 7 parameters each, well under PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 1_000;
const STATEMENTS_PER_TRANSACTION = 10;

export async function writeGatewayLog(
  db: ReadModelDb,
  envelopes: Iterable<SyntheticEnvelope>,
  onProgress?: (written: number) => void,
): Promise<number> {
  await ensureSchema(db);
  let written = 0;
  let statements: SyntheticEnvelope[][] = [];
  let rows: SyntheticEnvelope[] = [];
  const flush = async () => {
    if (rows.length > 0) statements.push(rows);
    rows = [];
    if (statements.length === 0) return;
    const batch = statements;
    statements = [];
    await db.transaction(async (sql) => {
      const log = new EventLog(sql);
      for (const entries of batch) await log.appendMany(entries);
    });
    written += batch.reduce((sum, entries) => sum + entries.length, 0);
    onProgress?.(written);
  };
  for (const entry of envelopes) {
    rows.push(entry);
    if (rows.length < ROWS_PER_STATEMENT) continue;
    statements.push(rows);
    rows = [];
    if (statements.length >= STATEMENTS_PER_TRANSACTION) await flush();
  }
  await flush();
  return written;
}
