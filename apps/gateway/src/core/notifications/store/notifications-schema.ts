import type { ReadModelDb, Sql } from '../../read-model/store/database';
import { tableExists } from '../../read-model/store/schema';

export const WEBHOOKS_TABLE = 'webhooks';
export const DELIVERIES_TABLE = 'webhook_deliveries';
export const LAUNCH_STATE_TABLE = 'notify_launch_state';
export const DUE_FIRED_TABLE = 'notify_due_fired';

/**
 * The notifications' own tables, in the gateway's database next to the read model (a rebuild replaces
 * the projection tables; these are kept, like tokens and GitHub mappings). Times are ISO-8601 text in
 * one fixed form, so they compare correctly as text.
 */
const TABLES: readonly { name: string; create: string[] }[] = [
  {
    name: WEBHOOKS_TABLE,
    create: [
      `CREATE TABLE ${WEBHOOKS_TABLE} (id text PRIMARY KEY, url text NOT NULL, events text NOT NULL, ` +
        'launch_id text, format text NOT NULL, secret text NOT NULL, created_at text NOT NULL, created_by text NOT NULL)',
    ],
  },
  {
    // The outbox: written in the projection's transaction, so an applied event and its deliveries
    // commit together (kill -9 loses neither, replays duplicate neither).
    name: DELIVERIES_TABLE,
    create: [
      `CREATE TABLE ${DELIVERIES_TABLE} (id text PRIMARY KEY, webhook_id text NOT NULL, event text NOT NULL, ` +
        'launch_id text, content_type text NOT NULL, body text NOT NULL, status text NOT NULL, ' +
        'attempts integer NOT NULL, last_status_code integer, last_error text, created_at text NOT NULL, ' +
        'next_attempt_at text NOT NULL, lease_until text, delivered_at text)',
      `CREATE INDEX ix_${DELIVERIES_TABLE}_due ON ${DELIVERIES_TABLE} (status, next_attempt_at)`,
      `CREATE INDEX ix_${DELIVERIES_TABLE}_webhook ON ${DELIVERIES_TABLE} (webhook_id, created_at)`,
    ],
  },
  {
    name: LAUNCH_STATE_TABLE,
    create: [`CREATE TABLE ${LAUNCH_STATE_TABLE} (launch_id text PRIMARY KEY, state text NOT NULL)`],
  },
  {
    // One row per due-date notification sent: the unique key is what makes the scheduler fire once.
    name: DUE_FIRED_TABLE,
    create: [
      `CREATE TABLE ${DUE_FIRED_TABLE} (item_id text NOT NULL, due_date text NOT NULL, kind text NOT NULL, ` +
        'fired_at text NOT NULL, PRIMARY KEY (item_id, due_date, kind))',
    ],
  },
];

async function createMissing(sql: Sql): Promise<void> {
  for (const table of TABLES) {
    if (await tableExists(sql, table.name)) continue;
    for (const statement of table.create) await sql.execute(statement);
  }
}

/** Creates what is missing; instances starting together take turns (a PostgreSQL advisory lock). */
export async function ensureNotificationsSchema(db: ReadModelDb): Promise<void> {
  await db.transaction(async (sql) => {
    if (sql.dialect === 'postgres')
      await sql.query('SELECT pg_advisory_xact_lock(?)', [NOTIFICATIONS_SCHEMA_LOCK_KEY]);
    await createMissing(sql);
  });
}

/** Arbitrary; distinct from the read model's and the GitHub integration's lock keys. */
const NOTIFICATIONS_SCHEMA_LOCK_KEY = 7_310_442_916;
