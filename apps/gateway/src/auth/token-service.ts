import { newId, type Role } from '@tminus/contracts';
import { generateToken, hashToken } from './api-token';
import type { StoredToken, TokenStore } from './token-store';

export interface TokenSpec {
  readonly name: string;
  readonly role: Role;
  /** Default: `token:<id>`, so actions of a token without a user are still attributable. */
  readonly userId?: string | null;
  readonly teamIds?: readonly string[] | null;
  /** The user id of whoever created it. */
  readonly createdBy: string;
}

export interface IssuedToken {
  readonly token: StoredToken;
  /** The token itself: shown once, never stored. */
  readonly secret: string;
}

/** Issues and revokes API tokens. */
export class TokenService {
  constructor(
    private readonly store: Pick<TokenStore, 'create' | 'createFirstAdmin' | 'revoke'>,
    private readonly clock: () => Date,
  ) {}

  async issue(spec: TokenSpec): Promise<IssuedToken> {
    const { secret, token, tokenHash } = this.mint(spec);
    await this.store.create({ ...token, tokenHash });
    return { token, secret };
  }

  /** Issues the first ADMIN token unless an active one exists (null then). */
  async issueFirstAdmin(spec: Omit<TokenSpec, 'role'>): Promise<IssuedToken | null> {
    const { secret, token, tokenHash } = this.mint({ ...spec, role: 'ADMIN' });
    return (await this.store.createFirstAdmin({ ...token, tokenHash })) ? { token, secret } : null;
  }

  /** False when no active token has that id. */
  revoke(id: string): Promise<boolean> {
    return this.store.revoke(id, this.clock().toISOString());
  }

  private mint(spec: TokenSpec): { secret: string; tokenHash: string; token: StoredToken } {
    const id = newId();
    const secret = generateToken();
    const token: StoredToken = {
      id,
      name: spec.name,
      role: spec.role,
      userId: spec.userId ?? `token:${id}`,
      teamIds: spec.teamIds && spec.teamIds.length > 0 ? [...spec.teamIds] : null,
      createdAt: this.clock().toISOString(),
      createdBy: spec.createdBy,
      revokedAt: null,
    };
    return { secret, tokenHash: hashToken(secret), token };
  }
}
