import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@tminus/testing';
import { createEventStore } from '../create-event-store';
import { ConcurrencyError } from '../errors';
import type { EventStore, NewEvent } from '../event-store';
import { postgresPosition } from '../global-position';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { eventually, gate } from '../testing/eventually';
import { PostgresEventStore } from './postgres-event-store';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('es');
});
afterAll(() => database?.drop());

/** Each test gets its own schema in the file's database: cheaper than a database per test. */
const freshSchema = (): string => `s_${randomBytes(6).toString('hex')}`;

describeEventStoreContract('PostgreSQL', (options) =>
  createEventStore({ kind: 'postgres', url: database.url, schema: freshSchema(), poolSize: 4, ...options }),
);

const event = (type: string): NewEvent => ({ type, data: {}, correlationId: 'c', causationId: 'c' });
const settle = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error) => error,
  );

describe('PostgreSQL event store', () => {
  let store: EventStore;
  beforeEach(async () => {
    store = await PostgresEventStore.create({ url: database.url, schema: freshSchema(), poolSize: 4 });
  });
  afterEach(() => store.close());

  it('never skips an event whose transaction commits after a later-numbered one', async () => {
    const slowAppended = gate();
    const releaseSlow = gate();
    const slow = store.transaction(async (tx) => {
      await tx.append('stream-slow', [event('Slow')], 'no_stream');
      slowAppended.open();
      await releaseSlow.opened;
    });
    await slowAppended.opened;
    const fast = await store.transaction((tx) => tx.append('stream-fast', [event('Fast')], 'no_stream'));

    // A reader polls while the slow transaction (lower sequence number) is still open…
    const firstPoll = await store.readAll();
    releaseSlow.open();
    await slow;
    // …and must still get the slow event on its next poll, after its cursor.
    const after = firstPoll.at(-1)?.globalPosition;
    const rest = await eventually(
      () => store.readAll({ after }),
      (events) => firstPoll.length + events.length >= 2,
    );

    const seen = [...firstPoll, ...rest];
    expect(seen.map((e) => e.type)).toEqual(['Slow', 'Fast']);
    const sequenceOf = (position: string): bigint => BigInt(postgresPosition.decode(position).sequence);
    expect(sequenceOf(seen[0].globalPosition)).toBeLessThan(sequenceOf(fast.events[0].globalPosition));
  });

  it('reads and relays one transaction in numeric order past a digit boundary (9 → 10), not as text', async () => {
    // A consumer batch commits dozens of commands in one transaction: outbox ids 1..12 share it.
    await store.transaction(async (tx) => {
      for (let i = 1; i <= 12; i++) {
        const { events } = await tx.append('stream-1', [event(`E${i}`)], i === 1 ? 'no_stream' : i - 1);
        await tx.enqueueOutbox([{ topic: 't', key: 'stream-1', envelope: { n: i } as never }]);
        expect(events).toHaveLength(1);
      }
    });
    const relayed = (await store.pendingOutbox(100)).map(
      (row) => (row.envelope as unknown as { n: number }).n,
    );
    expect(relayed).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const read = await eventually(
      () => store.readAll(),
      (events) => events.length === 12,
    );
    expect(read.map((e) => e.type)).toEqual(Array.from({ length: 12 }, (_, i) => `E${i + 1}`));
  });

  it('relays a committed outbox row at once, also while an older transaction still runs elsewhere', async () => {
    // An older write transaction (it holds a transaction id) on another connection, as a long
    // projector batch or rebuild would: the relay's read must not wait for it to end.
    const other = new Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_current_xact_id()');
      for (const n of [1, 2]) {
        await store.transaction(async (tx) => {
          await tx.append('stream-1', [event(`E${n}`)], n === 1 ? 'no_stream' : n - 1);
          await tx.enqueueOutbox([{ topic: 't', key: 'stream-1', envelope: { n } as never }]);
        });
      }

      const relayed = (await store.pendingOutbox(10)).map(
        (row) => (row.envelope as unknown as { n: number }).n,
      );
      expect(relayed).toEqual([1, 2]);
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }
  });

  it('rests the expected version on the unique key when the rival has not committed yet', async () => {
    await store.transaction((tx) => tx.append('stream-1', [event('Created')], 'no_stream'));
    const firstAppended = gate();
    const releaseFirst = gate();
    const first = store.transaction(async (tx) => {
      await tx.append('stream-1', [event('First')], 1);
      firstAppended.open();
      await releaseFirst.opened;
    });
    await firstAppended.opened;

    // The second writer's version check cannot see the uncommitted rival: it passes, and the insert
    // waits on the unique index until the first commits.
    const second = settle(store.transaction((tx) => tx.append('stream-1', [event('Second')], 1)));
    await eventually(
      () => backendsWaitingOnLocks(database),
      (waiting) => waiting > 0,
    );
    releaseFirst.open();
    await first;

    const error = await second;
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: 'stream-1', expected: 1, actual: null });
    expect((await store.readStream('stream-1')).map((e) => e.type)).toEqual(['Created', 'First']);
  });

  it('creates its schema idempotently, also from several processes at once', async () => {
    const schema = freshSchema();
    const open = () => PostgresEventStore.create({ url: database.url, schema, poolSize: 2 });
    const [a, b] = await Promise.all([open(), open()]);
    await a.transaction((tx) => tx.append('stream-1', [event('A')], 'no_stream'));
    await b.init();

    expect((await b.readStream('stream-1')).map((e) => e.type)).toEqual(['A']);
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps stores in different schemas of one database apart', async () => {
    const other = await PostgresEventStore.create({ url: database.url, schema: freshSchema(), poolSize: 2 });
    await store.transaction((tx) => tx.append('stream-1', [event('Mine')], 'no_stream'));

    expect(await other.readStream('stream-1')).toEqual([]);
    await expect(
      other.transaction((tx) => tx.append('stream-1', [event('Theirs')], 'no_stream')),
    ).resolves.toMatchObject({ nextExpectedVersion: 1 });
    await other.close();
  });

  it('returns every connection to the pool, also after failed transactions', async () => {
    const small = await PostgresEventStore.create({ url: database.url, schema: freshSchema(), poolSize: 2 });
    await small.transaction((tx) => tx.append('stream-1', [event('A')], 'no_stream'));
    // With a pool of 2, a leaked connection per failure would hang the third transaction.
    for (let i = 0; i < 4; i++) {
      await expect(
        small.transaction(async () => {
          throw new Error(`failure ${i}`);
        }),
      ).rejects.toThrow(`failure ${i}`);
      await expect(
        small.transaction((tx) => tx.append('stream-1', [event('B')], 'no_stream')),
      ).rejects.toBeInstanceOf(ConcurrencyError);
    }
    expect(await small.readStream('stream-1')).toHaveLength(1);
    await small.close();
  });
});

async function backendsWaitingOnLocks(db: TestDatabase): Promise<number> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
      [db.name],
    );
    return rows[0].waiting;
  } finally {
    await client.end();
  }
}
