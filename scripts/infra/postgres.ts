/**
 * The services' PostgreSQL databases on the machine's PostgreSQL server: started if it is down,
 * databases created if missing. Never drops anything.
 */
import { existsSync, readdirSync } from 'node:fs';
import { Client } from 'pg';
import { runCommand, tailText, type Log } from '../../libs/messaging/src/local-broker/process';

const CONNECT_TIMEOUT_MS = 5_000;
/** Where Debian's postgresql-common keeps one directory per installed major version. */
const DEBIAN_PG_CONF_DIR = '/etc/postgresql';

/** Error codes meaning "nobody answered", as opposed to "answered and said no" (auth, missing db). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', 'EHOSTUNREACH']);

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function pingPostgres(url: string): Promise<void> {
  await withClient(url, (client) => client.query('SELECT 1'));
}

function isUnreachable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as NodeJS.ErrnoException).code;
  return (code !== undefined && UNREACHABLE_CODES.has(code)) || /timeout/i.test(e.message);
}

/** A URL without credentials, safe to print. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * Makes sure PostgreSQL answers. If it does not and this is the Debian machine set-up, starts the
 * cluster once with pg_ctlcluster (which waits until the server accepts connections) and retries.
 */
export async function ensurePostgresReachable(adminUrl: string, log: Log): Promise<void> {
  try {
    await pingPostgres(adminUrl);
    return;
  } catch (e) {
    if (!isUnreachable(e) || !isLocalHost(adminUrl) || !existsSync(DEBIAN_PG_CONF_DIR)) {
      throw new Error(`PostgreSQL at ${redactUrl(adminUrl)} is not usable: ${(e as Error).message}`, {
        cause: e,
      });
    }
  }
  const version = newestInstalledVersion();
  log(`PostgreSQL does not answer; starting cluster ${version}/main with pg_ctlcluster...`);
  const result = await runCommand('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
  try {
    await pingPostgres(adminUrl);
  } catch (e) {
    throw new Error(
      `PostgreSQL at ${redactUrl(adminUrl)} still does not answer after pg_ctlcluster ${version} main start ` +
        `(exit ${result.code}): ${(e as Error).message}\n${tailText(result.output, 20)}`,
      { cause: e },
    );
  }
}

const isLocalHost = (url: string): boolean =>
  ['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(new URL(url).hostname);

function newestInstalledVersion(): string {
  const versions = readdirSync(DEBIAN_PG_CONF_DIR)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error(`No PostgreSQL cluster configured under ${DEBIAN_PG_CONF_DIR}`);
  return versions[0];
}

export async function existingDatabases(adminUrl: string, names: readonly string[]): Promise<Set<string>> {
  return withClient(adminUrl, async (client) => {
    const result = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = ANY($1)',
      [[...names]],
    );
    return new Set(result.rows.map((r) => r.datname));
  });
}

/** @returns the databases this call created. */
export async function ensureDatabases(adminUrl: string, names: readonly string[]): Promise<string[]> {
  const existing = await existingDatabases(adminUrl, names);
  const missing = names.filter((n) => !existing.has(n));
  if (missing.length === 0) return [];
  return withClient(adminUrl, async (client) => {
    const created: string[] = [];
    // CREATE DATABASE cannot run in a transaction block, nor take a bind parameter: one by one, quoted.
    for (const name of missing) {
      if (await createDatabaseIfAbsent(client, name)) created.push(name);
    }
    return created;
  });
}

/** Two concurrent set-ups may race; the loser sees duplicate_database (or, rarely, a pg_database key clash). */
async function createDatabaseIfAbsent(client: Client, name: string): Promise<boolean> {
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === '42P04' || code === '23505') return false;
    throw new Error(`Could not create database ${name}: ${(e as Error).message}`, { cause: e });
  }
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The admin URL pointed at another database on the same server, same credentials. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
