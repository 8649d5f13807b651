import type { Role } from '@tminus/contracts';
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

/** The `api_tokens` table: token metadata and the SHA-256 of each token, never the token itself. */
export class TokenStore {
  /** Lookups by hash whose SELECT has not started yet: requests for the same token share them. */
  private readonly queued = new Map<string, QueuedLookup>();

  constructor(private readonly db: ReadModelDb) {}

  async create(token: NewToken): Promise<void> {
    await this.db.transaction((sql) => insertToken(sql, token));
  }

  /**
   * Creates `token` (an ADMIN token) unless an active ADMIN token exists; false if one did. Instances
   * starting together on one PostgreSQL database take turns, so only one bootstrap token is made.
   */
  async createFirstAdmin(token: NewToken): Promise<boolean> {
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
   * The token with this hash unless it is revoked (the caller checks expiry against its clock), read
   * per request: no cache, so a revocation counts at once on every instance. Requests for the same
   * token while its lookup still waits for the database (SQLite's one connection is busy with the
   * projector or a commit) join that lookup: its SELECT runs after they arrived, so its answer is as
   * fresh as their own would be. A request arriving once the SELECT has started queues a new one.
   */
  findActiveByHash(tokenHash: string): Promise<StoredToken | null> {
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
    const changed = await this.db.transaction((sql) =>
      sql.execute(`UPDATE ${API_TOKENS_TABLE} SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, [
        at,
        id,
      ]),
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
