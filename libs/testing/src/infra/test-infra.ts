/**
 * Real-infrastructure helpers for *.int-spec.ts and *.e2e-spec.ts tests. The jest global set-up
 * (test/global-setup.ts) starts or finds Kafka and PostgreSQL and publishes them through
 * KAFKA_BROKERS and PG_ADMIN_URL; these helpers read those and give each test its own database
 * and, if it wants, its own topics, so tests can run in parallel without seeing each other's data.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { TopicSpec } from '@tminus/contracts';
import { deleteTopics, ensureTopics } from '@tminus/messaging';

export const DEFAULT_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The brokers the global set-up chose; fails loudly instead of letting kafkajs hang on a default. */
export function kafkaBrokers(): string[] {
  const raw = process.env.KAFKA_BROKERS;
  const brokers = (raw ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  if (brokers.length === 0) {
    throw new Error(
      'KAFKA_BROKERS is not set. Run the test through jest (its global set-up starts Kafka), ' +
        'or run `npm run infra:up` and export KAFKA_BROKERS=127.0.0.1:19092.',
    );
  }
  return brokers;
}

/** A server URL with the right to CREATE DATABASE. */
export const pgAdminUrl = (): string => process.env.PG_ADMIN_URL || DEFAULT_PG_ADMIN_URL;

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops the database, closing any connection still open on it; safe to call twice. */
  drop(): Promise<void>;
}

/** PostgreSQL identifiers are at most 63 bytes; 8 random bytes leave room for a readable prefix. */
const MAX_IDENTIFIER_LENGTH = 63;

/**
 * Creates a fresh, empty database named `t_<prefix>_<random>` on the admin server. Each test (or
 * suite) gets its own, so migrations and data never leak between tests running in parallel.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const adminUrl = pgAdminUrl();
  const suffix = randomBytes(8).toString('hex');
  const name = `t_${sanitize(prefix, MAX_IDENTIFIER_LENGTH - suffix.length - 3)}_${suffix}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () =>
      withAdminClient(adminUrl, async (client) => {
        // FORCE (PostgreSQL 13+) ends connections a test forgot to close, instead of failing the drop.
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }),
  };
}

/** A topic name no other test uses: `test.<prefix>.<random>`. */
export function uniqueTopic(prefix: string): string {
  return `test.${sanitize(prefix, 120).replace(/_/g, '-')}.${randomBytes(6).toString('hex')}`;
}

export interface TestTopics {
  readonly names: string[];
  /** Deletes the topics; safe to call twice. */
  delete(): Promise<void>;
}

/** Creates topics with explicit partition counts (name them with uniqueTopic) and waits for their leaders. */
export async function createTestTopics(specs: readonly TopicSpec[]): Promise<TestTopics> {
  const brokers = kafkaBrokers();
  await ensureTopics(brokers, specs);
  const names = specs.map((s) => s.name);
  return { names, delete: () => deleteTopics(brokers, names) };
}

async function withAdminClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Lower-case letters, digits and underscores: valid unquoted in SQL and in topic names. */
function sanitize(prefix: string, maxLength: number): string {
  const cleaned = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return (cleaned || 'test').slice(0, maxLength);
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
