import { Client } from 'pg';
import { allTopicSpecs } from '@tminus/contracts';
import { describeKafkaCluster, listTopics, topicPartitionCounts } from '@tminus/messaging';
import { eventually } from '../eventually';
import { createTestDatabase, createTestTopics, kafkaBrokers, pgAdminUrl, uniqueTopic } from './test-infra';

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

/**
 * Kafka applies a topic deletion to the broker's metadata cache shortly after acknowledging it:
 * wait for that state, bounded, instead of sleeping.
 */
const until = (condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> =>
  eventually(condition, Boolean, { timeoutMs, intervalMs: 100, orLast: true });

describe('test infrastructure (global set-up)', () => {
  it('publishes a Kafka broker that answers with a registered node', async () => {
    const cluster = await describeKafkaCluster(kafkaBrokers());

    expect(cluster.clusterId).not.toHaveLength(0);
    expect(cluster.brokers.length).toBeGreaterThanOrEqual(1);
  });

  it('has created every contract topic, dead-letter topics included, with its partition count', async () => {
    const specs = allTopicSpecs();

    const counts = await topicPartitionCounts(
      kafkaBrokers(),
      specs.map((s) => s.name),
    );

    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(specs.map((s) => [s.name, s.partitions])));
    expect(counts.get('tminus.checklists.commands')).toBe(6);
    expect(counts.get('tminus.checklists.commands.dlq')).toBe(1);
  });

  it('creates a fresh, usable database per test and drops it even with a connection still open', async () => {
    const db = await createTestDatabase('Infra Spec');
    const client = new Client({ connectionString: db.url });
    client.on('error', () => undefined); // the forced drop terminates this connection on purpose
    try {
      expect(db.name).toMatch(/^t_infra_spec_[0-9a-f]{16}$/);
      await client.connect();
      const current = await client.query<{ db: string }>('SELECT current_database() AS db');
      expect(current.rows[0].db).toBe(db.name);
      const tables = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.rowCount).toBe(0);
      await client.query('CREATE TABLE probe (id int PRIMARY KEY)');
      await client.query('INSERT INTO probe VALUES (1), (2)');
      expect((await client.query('SELECT count(*)::int AS n FROM probe')).rows[0].n).toBe(2);

      await db.drop();

      expect(await databaseExists(db.name)).toBe(false);
      await expect(db.drop()).resolves.toBeUndefined();
    } finally {
      await client.end().catch(() => undefined);
    }
  });

  it('gives two calls different databases', async () => {
    const [a, b] = await Promise.all([createTestDatabase('same'), createTestDatabase('same')]);
    try {
      expect(a.name).not.toBe(b.name);
      expect(await databaseExists(a.name)).toBe(true);
      expect(await databaseExists(b.name)).toBe(true);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });

  it('creates a test-owned topic with its partition count and deletes it', async () => {
    const name = uniqueTopic('Infra Spec');
    expect(name).toMatch(/^test\.infra-spec\.[0-9a-f]{12}$/);

    const topics = await createTestTopics([{ name, partitions: 3 }]);
    expect((await topicPartitionCounts(kafkaBrokers(), [name])).get(name)).toBe(3);

    await topics.delete();
    const gone = await until(async () => !(await listTopics(kafkaBrokers())).includes(name), 10_000);
    expect(gone).toBe(true);
    await expect(topics.delete()).resolves.toBeUndefined();
  });
});
