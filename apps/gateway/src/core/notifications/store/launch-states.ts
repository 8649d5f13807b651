import type { Sql } from '../../read-model/store/database';
import type { NotifiedLaunchState } from '../domain/launch-state';
import { LAUNCH_STATE_TABLE } from './notifications-schema';

/** What was last told per launch; read and written inside the projection's transaction. */
export async function notifiedState(sql: Sql, launchId: string): Promise<NotifiedLaunchState | null> {
  const rows = await sql.query<{ state: string }>(
    `SELECT state FROM ${LAUNCH_STATE_TABLE} WHERE launch_id = ?`,
    [launchId],
  );
  return rows.length > 0 ? (JSON.parse(rows[0].state) as NotifiedLaunchState) : null;
}

export async function storeNotifiedState(
  sql: Sql,
  launchId: string,
  state: NotifiedLaunchState,
): Promise<void> {
  await sql.execute(
    `INSERT INTO ${LAUNCH_STATE_TABLE} (launch_id, state) VALUES (?, ?) ` +
      'ON CONFLICT (launch_id) DO UPDATE SET state = excluded.state',
    [launchId, JSON.stringify(state)],
  );
}
