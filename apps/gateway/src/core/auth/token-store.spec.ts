import type { ReadModelDb, Sql, SqlParam } from '../read-model/store/database';
import { TokenStore } from './token-store';

const HASH = 'a'.repeat(64);

const row = (revokedAt: string | null) => ({
  id: 'token-1',
  name: 'deploy bot',
  role: 'PIPELINE',
  user_id: 'deploy-bot',
  team_ids: 'null',
  created_at: '2026-01-01T00:00:00.000Z',
  created_by: 'admin',
  revoked_at: revokedAt,
  expires_at: null,
});

/**
 * A database whose reads wait for `open()` when `queueing` (SQLite's one connection, busy), or start
 * at once (a PostgreSQL pool). The table holds one token; `revoked` is what a committed revocation left.
 */
class FakeDb {
  queueing = true;
  revoked = false;
  selects = 0;
  private readonly waiting: (() => void)[] = [];

  readonly db = {
    dialect: 'sqlite',
    read: <T>(work: (sql: Sql) => Promise<T>): Promise<T> => {
      if (!this.queueing) return work(this.sql);
      return new Promise<void>((resolve) => this.waiting.push(resolve)).then(() => work(this.sql));
    },
  } as unknown as ReadModelDb;

  private readonly sql = {
    dialect: 'sqlite',
    query: async (text: string, params: readonly SqlParam[] = []) => {
      this.selects += 1;
      expect(text).toContain('revoked_at IS NULL');
      return params[0] === HASH && !this.revoked ? [row(null)] : [];
    },
  } as unknown as Sql;

  /** Lets the queued reads run, in order. */
  async open(): Promise<void> {
    for (const resolve of this.waiting.splice(0)) resolve();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('TokenStore.findActiveByHash', () => {
  it('lets requests for one token that wait for the database share one SELECT', async () => {
    const fake = new FakeDb();
    const store = new TokenStore(fake.db);
    const lookups = [
      store.findActiveByHash(HASH),
      store.findActiveByHash(HASH),
      store.findActiveByHash(HASH),
    ];
    const other = store.findActiveByHash('b'.repeat(64));
    await fake.open();
    expect((await Promise.all(lookups)).map((token) => token?.id)).toEqual(['token-1', 'token-1', 'token-1']);
    expect(await other).toBeNull();
    expect(fake.selects).toBe(2);
  });

  it('never answers a request with a SELECT that started before it arrived: a revocation counts at once', async () => {
    const fake = new FakeDb();
    const store = new TokenStore(fake.db);
    const before = store.findActiveByHash(HASH);
    await fake.open(); // its SELECT has run: the token was active then
    expect((await before)?.id).toBe('token-1');
    fake.revoked = true; // committed now
    const after = store.findActiveByHash(HASH);
    await fake.open();
    expect(await after).toBeNull();
    expect(fake.selects).toBe(2);
  });

  it('shares nothing when reads start at once (a PostgreSQL pool)', async () => {
    const fake = new FakeDb();
    fake.queueing = false;
    const store = new TokenStore(fake.db);
    const first = store.findActiveByHash(HASH);
    fake.revoked = true;
    const second = store.findActiveByHash(HASH);
    expect((await first)?.id).toBe('token-1');
    expect(await second).toBeNull();
    expect(fake.selects).toBe(2);
  });

  it('forgets a failed lookup: the next request reads again', async () => {
    const fake = new FakeDb();
    fake.queueing = false;
    let failing = true;
    const store = new TokenStore({
      ...fake.db,
      read: <T>(work: (sql: Sql) => Promise<T>) =>
        failing ? Promise.reject(new Error('database gone')) : fake.db.read(work),
    } as ReadModelDb);
    await expect(store.findActiveByHash(HASH)).rejects.toThrow('database gone');
    failing = false;
    expect((await store.findActiveByHash(HASH))?.id).toBe('token-1');
  });
});
