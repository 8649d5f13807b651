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

  it('reads the latest commits at once while unrelated transactions (another store, another table) run', async () => {
    // Long writes elsewhere hold transaction ids older than the appends: a server-wide horizon
    // (pg_snapshot_xmin) hid every later event from cursor readers until they ended (#12).
    const neighbour = await PostgresEventStore.create({
      url: database.url,
      schema: freshSchema(),
      poolSize: 2,
    });
    const elsewhere = new Client({ connectionString: database.url });
    const inNeighbour = gate();
    const releaseNeighbour = gate();
    await elsewhere.connect();
    try {
      await elsewhere.query('BEGIN');
      await elsewhere.query('CREATE TEMP TABLE scratch (n int)');
      await elsewhere.query('INSERT INTO scratch VALUES (1)');
      const neighbourWrite = neighbour.transaction(async (tx) => {
        await tx.append('neighbour-stream', [event('Elsewhere')], 'no_stream');
        inNeighbour.open();
        await releaseNeighbour.opened;
      });
      await inNeighbour.opened;
      for (const n of [1, 2])
        await store.transaction((tx) =>
          tx.append('stream-1', [event(`E${n}`)], n === 1 ? 'no_stream' : n - 1),
        );

      // No polling: the first read after the commits has them.
      expect((await store.readAll()).map((e) => e.type)).toEqual(['E1', 'E2']);
      releaseNeighbour.open();
      await neighbourWrite;
    } finally {
      releaseNeighbour.open();
      await elsewhere.query('ROLLBACK');
      await elsewhere.end();
      await neighbour.close();
    }
  });

  it('holds readers behind a transaction of this store that wrote something else before its append', async () => {
    // Its transaction id comes from the outcome row, before the append: the events it appends then
    // sort before a later transaction's, which a reader must not pass while it runs.
    const outcomeRecorded = gate();
    const releaseSlow = gate();
    const slow = store.transaction(async (tx) => {
      await tx.recordCommandOutcome('cmd-slow', { status: 'ACCEPTED', eventIds: [] });
      outcomeRecorded.open();
      await releaseSlow.opened;
      await tx.append('stream-slow', [event('Slow')], 'no_stream');
    });
    await outcomeRecorded.opened;
    await store.transaction((tx) => tx.append('stream-fast', [event('Fast')], 'no_stream'));

    const firstPoll = await store.readAll();
    releaseSlow.open();
    await slow;
    const rest = await store.readAll({ after: firstPoll.at(-1)?.globalPosition });

    expect(firstPoll).toEqual([]);
    expect(rest.map((e) => e.type)).toEqual(['Slow', 'Fast']);
  });

  it('hands a cursor reader every event once, in commit order, while writers commit out of order', async () => {
    // Three writers and the reader on the store's pool of four connections: none waits for one.
    const writers = 3;
    const perWriter = 20;
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * ms));
    let writing = true;
    const seen: string[] = [];
    const reader = (async () => {
      let after: string | undefined;
      for (let more = true; more;) {
        more = writing; // one more read after the last commit
        const page = await store.readAll({ after, limit: 7 });
        seen.push(...page.map((e) => e.type));
        after = page.at(-1)?.globalPosition ?? after;
        if (page.length === 7) more = true;
        else await pause(2);
      }
    })();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          await store.transaction(async (tx) => {
            // Half of them get their transaction id before the append (as a rejection or reservation would).
            if (i % 2 === 0)
              await tx.recordCommandOutcome(`cmd-${w}-${i}`, { status: 'ACCEPTED', eventIds: [] });
            await pause(10);
            await tx.append(`stream-${w}`, [event(`W${w}-${i}`)], i === 0 ? 'no_stream' : i);
            await pause(3);
          });
        }
      }),
    );
    writing = false;
    await reader;

    const expected = Array.from({ length: writers }, (_, w) =>
      Array.from({ length: perWriter }, (_, i) => `W${w}-${i}`),
    ).flat();
    expect([...seen].sort()).toEqual([...expected].sort());
    expect(new Set(seen).size).toBe(seen.length);
    const committed = (await store.readAll()).map((e) => e.type);
    expect(seen).toEqual(committed);
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
