import type { NewToken, StoredToken, TokenStore } from './token-store';

/** An in-memory TokenStore for unit specs (same contract as the table-backed one). */
export class MemoryTokenStore implements Pick<
  TokenStore,
  'create' | 'createFirstAdmin' | 'revoke' | 'findActiveByHash' | 'find'
> {
  readonly rows: (StoredToken & { tokenHash: string })[] = [];

  async create(token: NewToken): Promise<void> {
    this.rows.push({ ...token, revokedAt: null });
  }

  async createFirstAdmin(token: NewToken): Promise<boolean> {
    if (this.rows.some((row) => row.role === 'ADMIN' && row.revokedAt === null)) return false;
    await this.create(token);
    return true;
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const index = this.rows.findIndex((row) => row.id === id && row.revokedAt === null);
    if (index < 0) return false;
    this.rows[index] = { ...this.rows[index], revokedAt: at };
    return true;
  }

  async findActiveByHash(tokenHash: string): Promise<StoredToken | null> {
    return this.rows.find((row) => row.tokenHash === tokenHash && row.revokedAt === null) ?? null;
  }

  async find(id: string): Promise<StoredToken | null> {
    return this.rows.find((row) => row.id === id) ?? null;
  }
}
