import type { Role } from '@tminus/contracts';
import { LRUCache } from 'lru-cache';
import type { ReadModelDb, Sql } from '../read-model/store/database';
import { API_TOKENS_TABLE } from '../read-model/store/tables';

export interface StoredToken {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly userId: string;
  readonly teamIds: readonly string[] | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
  /** When it stops working; null: never. */
  readonly expiresAt: string | null;
}

export interface NewToken extends Omit<StoredToken, 'revokedAt'> {
  readonly tokenHash: string;
}

interface TokenRow {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly user_id: string;
  readonly team_ids: string;
  readonly created_at: string;
  readonly created_by: string;
  readonly revoked_at: string | null;
  readonly expires_at: string | null;
}

const BOOTSTRAP_LOCK_KEY = 7_310_442_912;

const insertToken = (sql: Sql, token: NewToken): Promise<number> =>
  sql.execute(
    `INSERT INTO ${API_TOKENS_TABLE} (id, name, role, user_id, team_ids, token_hash, created_at, created_by, revoked_at, expires_at) ` +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)',
    [
      token.id,
      token.name,
      token.role,
      token.userId,
      JSON.stringify(token.teamIds),
      token.tokenHash,
      token.createdAt,
      token.createdBy,
      token.expiresAt,
    ],
  );

const COLUMNS = 'id, name, role, user_id, team_ids, created_at, created_by, revoked_at, expires_at';

const toToken = (row: TokenRow): StoredToken => ({
  id: row.id,
  name: row.name,
  role: row.role,
  userId: row.user_id,
  teamIds: JSON.parse(row.team_ids) as string[] | null,
  createdAt: row.created_at,
  createdBy: row.created_by,
  revokedAt: row.revoked_at,
  expiresAt: row.expires_at,
});

/** A lookup by hash waiting for its turn on the database (see findActiveByHash). */
interface QueuedLookup {
  started: boolean;
  result?: Promise<StoredToken | null>;
}

/** Active tokens remembered on SQLite (see findActiveByHash): far more than pipelines and people use. */
const MAX_REMEMBERED_TOKENS = 1_000;

/** The `api_tokens` table: token metadata and the SHA-256 of each token, never the token itself. */
export class TokenStore {
  /** Lookups by hash whose SELECT has not started yet: requests for the same token share them. */
  private readonly queued = new Map<string, QueuedLookup>();
  /** SQLite only: active tokens as read, valid while no connection but this one committed. */
  private readonly remembered = new LRUCache<string, StoredToken>({ max: MAX_REMEMBERED_TOKENS });
  private rememberedAtVersion: number | null = null;
  /** Bumped around every write of this store: a lookup that overlapped one is not remembered. */
  private writes = 0;
  private writing = 0;

  constructor(private readonly db: ReadModelDb) {}

  async create(token: NewToken): Promise<void> {
    await this.writingTokens(() => this.db.transaction((sql) => insertToken(sql, token)));
  }

  /** Forgets remembered tokens before and after a write, and keeps lookups racing it from remembering. */
  private async writingTokens<T>(write: () => Promise<T>): Promise<T> {
    this.writes += 1;
    this.writing += 1;
    this.remembered.clear();
    try {
      return await write();
    } finally {
      this.writing -= 1;
      this.writes += 1;
      this.remembered.clear();
    }
  }

  /**
   * Creates `token` (an ADMIN token) unless an active ADMIN token exists; false if one did. Instances
   * starting together on one PostgreSQL database take turns, so only one bootstrap token is made.
   */
  async createFirstAdmin(token: NewToken): Promise<boolean> {
    return this.writingTokens(() => this.firstAdmin(token));
  }

  private firstAdmin(token: NewToken): Promise<boolean> {
    return this.db.transaction(async (sql) => {
      if (sql.dialect === 'postgres')
        await sql.query('SELECT pg_advisory_xact_lock(?)', [BOOTSTRAP_LOCK_KEY]);
      const existing = await sql.query(
        `SELECT id FROM ${API_TOKENS_TABLE} WHERE role = 'ADMIN' AND revoked_at IS NULL LIMIT 1`,
      );
      if (existing.length > 0) return false;
      await insertToken(sql, token);
      return true;
    });
  }

  /**
   * The token with this hash unless it is revoked (the caller checks expiry against its clock). A
   * revocation counts at once, on every instance:
   * - PostgreSQL (instances share the table): read per request. Requests for the same token while
   *   its lookup still waits for the database join that lookup: its SELECT runs after they arrived,
   *   so its answer is as fresh as their own would be. A request arriving once the SELECT has started
   *   queues a new one.
   * - SQLite: an active token read once is remembered while SQLite's data_version says no other
   *   connection (another process on the file) committed anything, and until this store writes a
   *   token (revoke, create): the table cannot have changed, so the remembered row is what a SELECT
   *   would return. The check costs one pragma instead of a queued SELECT.
   */
  findActiveByHash(tokenHash: string): Promise<StoredToken | null> {
    const version = this.db.dataVersion?.();
    if (version !== undefined && this.writing === 0) {
      if (version !== this.rememberedAtVersion) {
        this.remembered.clear();
        this.rememberedAtVersion = version;
      }
      const known = this.remembered.get(tokenHash);
      if (known !== undefined) return Promise.resolve(known);
    }
    const found = this.lookUp(tokenHash);
    if (version === undefined) return found;
    const writesBefore = this.writes;
    return found.then((token) => {
      // Not if a write of this store overlapped the read, or another connection committed meanwhile.
      if (
        token !== null &&
        this.writes === writesBefore &&
        this.writing === 0 &&
        this.db.dataVersion?.() === version
      )
        this.remembered.set(tokenHash, token);
      return token;
    });
  }

  private lookUp(tokenHash: string): Promise<StoredToken | null> {
    const waiting = this.queued.get(tokenHash);
    if (waiting?.result && !waiting.started) return waiting.result;
    const lookup: QueuedLookup = { started: false };
    const result = this.db
      .read((sql) => {
        lookup.started = true;
        if (this.queued.get(tokenHash) === lookup) this.queued.delete(tokenHash);
        return sql.query<TokenRow>(
          `SELECT ${COLUMNS} FROM ${API_TOKENS_TABLE} WHERE token_hash = ? AND revoked_at IS NULL`,
          [tokenHash],
        );
      })
      .then((rows) => (rows.length > 0 ? toToken(rows[0]) : null))
      .finally(() => {
        if (this.queued.get(tokenHash) === lookup) this.queued.delete(tokenHash);
      });
    lookup.result = result;
    // PostgreSQL starts at once (no queue): nothing to share then.
    if (!lookup.started) this.queued.set(tokenHash, lookup);
    return result;
  }

  async find(id: string): Promise<StoredToken | null> {
    const rows = await this.db.read((sql) =>
      sql.query<TokenRow>(`SELECT ${COLUMNS} FROM ${API_TOKENS_TABLE} WHERE id = ?`, [id]),
    );
    return rows.length > 0 ? toToken(rows[0]) : null;
  }

  async list(): Promise<StoredToken[]> {
    const rows = await this.db.read((sql) =>
      sql.query<TokenRow>(`SELECT ${COLUMNS} FROM ${API_TOKENS_TABLE} ORDER BY created_at, id`),
    );
    return rows.map(toToken);
  }

  /** Revokes the token; false when it does not exist or was revoked already. */
  async revoke(id: string, at: string): Promise<boolean> {
    const changed = await this.writingTokens(() =>
      this.db.transaction((sql) =>
        sql.execute(`UPDATE ${API_TOKENS_TABLE} SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, [
          at,
          id,
        ]),
      ),
    );
    return changed > 0;
  }

  async hasActiveAdmin(): Promise<boolean> {
    const rows = await this.db.read((sql) =>
      sql.query(`SELECT id FROM ${API_TOKENS_TABLE} WHERE role = 'ADMIN' AND revoked_at IS NULL LIMIT 1`),
    );
    return rows.length > 0;
  }
}
