import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openReadModelDatabase, type ReadModelDb } from '../read-model/store/database';
import { ensureSchema } from '../read-model/store/schema';
import { API_TOKENS_TABLE } from '../read-model/store/tables';
import { hashToken } from './api-token';
import { TokenStore, type NewToken } from './token-store';

const tokenOf = (id: string): NewToken => ({
  id,
  name: `${id} token`,
  role: 'PIPELINE',
  userId: 'deploy-bot',
  teamIds: null,
  createdAt: '2026-12-03T12:00:00.000Z',
  createdBy: 'admin',
  expiresAt: null,
  tokenHash: hashToken(`secret-of-${id}`),
});

/**
 * On SQLite an active token is remembered between requests; a revocation must still count at once,
 * whether this store made it or another process on the same file did.
 */
describe('TokenStore on SQLite: remembered tokens and revocations', () => {
  let dir: string;
  let db: ReadModelDb;
  let store: TokenStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'token-store-'));
    db = await openReadModelDatabase({ type: 'sqlite', path: join(dir, 'gateway.db') });
    await ensureSchema(db);
    store = new TokenStore(db);
  });

  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from memory while nothing changed, and refuses a token revoked here at once', async () => {
    const token = tokenOf('t1');
    await store.create(token);
    await expect(store.findActiveByHash(token.tokenHash)).resolves.toMatchObject({ id: 't1' });
    await expect(store.findActiveByHash(token.tokenHash)).resolves.toMatchObject({ id: 't1' });
    await expect(store.revoke('t1', '2026-12-03T12:01:00.000Z')).resolves.toBe(true);
    await expect(store.findActiveByHash(token.tokenHash)).resolves.toBeNull();
  });

  it('refuses a token another process revoked in the file at once', async () => {
    const token = tokenOf('t2');
    await store.create(token);
    await expect(store.findActiveByHash(token.tokenHash)).resolves.toMatchObject({ id: 't2' });
    await expect(store.findActiveByHash(token.tokenHash)).resolves.toMatchObject({ id: 't2' });
    const other = new Database(join(dir, 'gateway.db'));
    try {
      other
        .prepare(`UPDATE ${API_TOKENS_TABLE} SET revoked_at = ? WHERE id = ?`)
        .run('2026-12-03T12:02:00.000Z', 't2');
    } finally {
      other.close();
    }
    await expect(store.findActiveByHash(token.tokenHash)).resolves.toBeNull();
  });

  it('does not remember a token read while a revocation of this store was under way', async () => {
    const token = tokenOf('t3');
    await store.create(token);
    const during = store.findActiveByHash(token.tokenHash);
    const revoked = store.revoke('t3', '2026-12-03T12:03:00.000Z');
    await Promise.all([during, revoked]);
    await expect(store.findActiveByHash(token.tokenHash)).resolves.toBeNull();
  });
});
