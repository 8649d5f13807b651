import { bearerTokenOf, hashToken, sameHash } from './api-token';
import { hasExpired, type Principal } from './principal';
import type { StoredToken, TokenStore } from './token-store';

/** The principal of the operator's TMINUS_ADMIN_TOKEN (it lives in the environment, not the table). */
export const ENV_ADMIN_PRINCIPAL: Principal = {
  tokenId: 'env:TMINUS_ADMIN_TOKEN',
  tokenName: 'TMINUS_ADMIN_TOKEN',
  role: 'ADMIN',
  userId: 'admin',
  teamIds: null,
  expiresAt: null,
};

export const principalOf = (token: StoredToken): Principal => ({
  tokenId: token.id,
  tokenName: token.name,
  role: token.role,
  userId: token.userId,
  teamIds: token.teamIds,
  expiresAt: token.expiresAt,
});

/**
 * Turns a bearer token into a principal. Tokens are looked up by their SHA-256, active and unexpired
 * ones only, on every request (no cache: a revocation takes effect at once, on every instance).
 */
export class Authenticator {
  /** TMINUS_ADMIN_TOKEN's hash, computed once: each request's token is hashed once, for both uses. */
  private readonly adminTokenHash: string | null;

  constructor(
    private readonly store: Pick<TokenStore, 'findActiveByHash'>,
    adminToken: string | undefined,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.adminTokenHash = adminToken ? hashToken(adminToken) : null;
  }

  /** The principal of an `Authorization` header value; null when it carries no valid token. */
  async authenticate(authorization: string | null | undefined): Promise<Principal | null> {
    const token = bearerTokenOf(authorization);
    if (token === null) return null;
    const tokenHash = hashToken(token);
    if (this.adminTokenHash !== null && sameHash(tokenHash, this.adminTokenHash)) return ENV_ADMIN_PRINCIPAL;
    const stored = await this.store.findActiveByHash(tokenHash);
    if (stored === null || hasExpired(stored.expiresAt, this.clock())) return null;
    return principalOf(stored);
  }
}
