import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDb } from './sqlite-db';

describe('SqliteDb (statements on the better-sqlite3 handle)', () => {
  let dir: string;
  let db: SqliteDb;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tminus-sqlite-db-'));
    db = SqliteDb.open(join(dir, 'nested', 'gateway.db'));
    await db.transaction((sql) => sql.execute('CREATE TABLE t (id text PRIMARY KEY, n integer)'));
  });

  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits a transaction, counts changed rows and binds booleans as 0/1', async () => {
    const changed = await db.transaction(async (sql) => {
      await sql.execute('INSERT INTO t (id, n) VALUES (?, ?)', ['a', true]);
      await sql.execute('INSERT INTO t (id, n) VALUES (?, ?)', ['b', false]);
      return sql.execute('UPDATE t SET n = n + 1');
    });
    expect(changed).toBe(2);
    const rows = await db.read((sql) =>
      sql.query<{ id: string; n: number }>('SELECT id, n FROM t ORDER BY id'),
    );
    expect(rows).toEqual([
      { id: 'a', n: 2 },
      { id: 'b', n: 1 },
    ]);
  });

  it('writes ahead (WAL) with synchronous NORMAL, as the embedded event store and log do', async () => {
    const pragmas = await db.read(async (sql) => ({
      journal: await sql.query<{ journal_mode: string }>('PRAGMA journal_mode'),
      synchronous: await sql.query<{ synchronous: number }>('PRAGMA synchronous'),
    }));
    expect(pragmas.journal).toEqual([{ journal_mode: 'wal' }]);
    expect(pragmas.synchronous).toEqual([{ synchronous: 1 }]); // 1 = NORMAL, 2 = FULL
  });

  it('rolls back everything a failed transaction wrote, and the connection stays usable', async () => {
    await expect(
      db.transaction(async (sql) => {
        await sql.execute('INSERT INTO t (id, n) VALUES (?, ?)', ['a', 1]);
        await sql.execute('INSERT INTO t (id, n) VALUES (?, ?)', ['a', 2]); // primary key violation
      }),
      // Matched by message: better-sqlite3's error class may come from another test file's realm.
    ).rejects.toMatchObject({ message: expect.stringMatching(/UNIQUE/) });
    expect(await db.read((sql) => sql.query('SELECT id FROM t'))).toEqual([]);
    await db.transaction((sql) => sql.execute('INSERT INTO t (id, n) VALUES (?, ?)', ['c', 3]));
    expect(await db.read((sql) => sql.query('SELECT id FROM t'))).toEqual([{ id: 'c' }]);
  });

  it('gives concurrent units of work their turns (no statement of one inside the other)', async () => {
    const order: string[] = [];
    const slow = db.transaction(async (sql) => {
      await sql.execute('INSERT INTO t (id, n) VALUES (?, ?)', ['slow', 1]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('slow');
      throw new Error('rolled back');
    });
    const fast = db.read(async (sql) => {
      order.push('read');
      return sql.query('SELECT id FROM t');
    });
    await expect(slow).rejects.toThrow('rolled back');
    expect(await fast).toEqual([]);
    expect(order).toEqual(['slow', 'read']);
  });

  it('returns the rows of INSERT … RETURNING and answers ping until closed', async () => {
    const rows = await db.transaction((sql) =>
      sql.query<{ id: string }>('INSERT INTO t (id, n) VALUES (?, ?) RETURNING id', ['r', 1]),
    );
    expect(rows).toEqual([{ id: 'r' }]);
    expect(await db.ping()).toBe(true);
    await db.close();
    expect(await db.ping()).toBe(false);
  });
});
