import type { Sql } from '../../read-model/store/database';
import { deferWrite, pendingValue } from '../../read-model/store/deferred-writes';
import { parsedDocuments } from '../../read-model/store/parsed-documents';
import type { NotifiedLaunchState } from '../domain/launch-state';
import { LAUNCH_STATE_TABLE } from './notifications-schema';

const deferredKey = (launchId: string): string => `${LAUNCH_STATE_TABLE}\u0000${launchId}`;

/**
 * What was last told per launch; read and written inside the projection's transaction. Parsed through
 * the process's cache of parsed documents (exact text match), since a big launch's state holds a
 * thousand blocker keys and every event of the launch reads it.
 */
export async function notifiedState(sql: Sql, launchId: string): Promise<NotifiedLaunchState | null> {
  const pending = pendingValue<NotifiedLaunchState>(sql, deferredKey(launchId));
  if (pending !== undefined) return pending;
  const rows = await sql.query<{ state: string }>(
    `SELECT state FROM ${LAUNCH_STATE_TABLE} WHERE launch_id = ?`,
    [launchId],
  );
  return rows.length > 0
    ? parsedDocuments.parse<NotifiedLaunchState>(LAUNCH_STATE_TABLE, launchId, rows[0].state)
    : null;
}

/** In a projector transaction, stored once before its commit (see deferred-writes.ts). */
export async function storeNotifiedState(
  sql: Sql,
  launchId: string,
  state: NotifiedLaunchState,
): Promise<void> {
  if (deferWrite(sql, deferredKey(launchId), state, (later) => storeNow(later, launchId, state))) return;
  await storeNow(sql, launchId, state);
}

async function storeNow(sql: Sql, launchId: string, state: NotifiedLaunchState): Promise<void> {
  const text = JSON.stringify(state);
  await sql.execute(
    `INSERT INTO ${LAUNCH_STATE_TABLE} (launch_id, state) VALUES (?, ?) ` +
      'ON CONFLICT (launch_id) DO UPDATE SET state = excluded.state',
    [launchId, text],
  );
  // A rolled-back write leaves other text stored: the next read parses that, never this state.
  parsedDocuments.remember(LAUNCH_STATE_TABLE, launchId, text, state);
}
