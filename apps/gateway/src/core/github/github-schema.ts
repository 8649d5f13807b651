import type { ReadModelDb, Sql } from '../read-model/store/database';
import { tableExists } from '../read-model/store/schema';

export const MAPPINGS_TABLE = 'github_environment_mappings';
export const PENDING_TABLE = 'github_pending_deployments';

/**
 * The GitHub integration's own tables, in the gateway's database next to the read model (which a
 * rebuild replaces; these are kept). Plain SQL through the same handle, as the read model does.
 * Times are ISO-8601 text in one fixed form, so they compare correctly as text.
 */
const TABLES: readonly { name: string; create: string[] }[] = [
  {
    name: MAPPINGS_TABLE,
    create: [
      `CREATE TABLE ${MAPPINGS_TABLE} (repository text NOT NULL, environment text NOT NULL, ` +
        'environment_name text NOT NULL, launch_id text NOT NULL, gate_environment text NOT NULL, ' +
        'created_at text NOT NULL, created_by text NOT NULL, PRIMARY KEY (repository, environment))',
      `CREATE INDEX ix_${MAPPINGS_TABLE}_launch ON ${MAPPINGS_TABLE} (launch_id)`,
    ],
  },
  {
    name: PENDING_TABLE,
    create: [
      `CREATE TABLE ${PENDING_TABLE} (id text PRIMARY KEY, repository text NOT NULL, environment text NOT NULL, ` +
        'launch_id text, gate_environment text, installation_id text, callback_url text NOT NULL, ' +
        'sha text, ref text, state text NOT NULL, created_at text NOT NULL, expires_at text NOT NULL, ' +
        'progress_posted_at text, delivered_at text, comment text, lease_until text, attempts integer NOT NULL, ' +
        'next_attempt_at text, last_error text)',
      `CREATE UNIQUE INDEX ux_${PENDING_TABLE}_callback ON ${PENDING_TABLE} (callback_url, environment)`,
      `CREATE INDEX ix_${PENDING_TABLE}_state_launch ON ${PENDING_TABLE} (state, launch_id)`,
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
export async function ensureGithubSchema(db: ReadModelDb): Promise<void> {
  await db.transaction(async (sql) => {
    if (sql.dialect === 'postgres')
      await sql.query('SELECT pg_advisory_xact_lock(?)', [GITHUB_SCHEMA_LOCK_KEY]);
    await createMissing(sql);
  });
}

/** Arbitrary; distinct from the read model's lock key. */
const GITHUB_SCHEMA_LOCK_KEY = 7_310_442_912;
