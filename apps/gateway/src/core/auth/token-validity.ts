import { ENV_ADMIN_PRINCIPAL } from './authenticator';
import { hasExpired, type Principal } from './principal';
import type { TokenStore } from './token-store';

/** How long a token's "still active" answer is reused before the table is asked again. */
export const DEFAULT_TOKEN_RECHECK_MS = 1_000;

interface Checked {
  readonly active: boolean;
  readonly at: number;
}

/**
 * Whether the token behind an already authenticated principal (an open WebSocket) still works: not
 * expired (checked against the clock every time) and not revoked. Revocations made on this instance
 * count at once; those made on another instance sharing the database are seen within `recheckMs`,
 * the age after which a cached "active" is read again from the table (one primary-key lookup).
 */
export class TokenValidity {
  private readonly checked = new Map<string, Checked>();
  private readonly listeners = new Set<(tokenId: string) => void>();

  constructor(
    private readonly store: Pick<TokenStore, 'find'>,
    private readonly clock: () => Date,
    private readonly recheckMs: number = DEFAULT_TOKEN_RECHECK_MS,
  ) {}

  async isValid(principal: Principal): Promise<boolean> {
    if (principal.tokenId === ENV_ADMIN_PRINCIPAL.tokenId) return true;
    if (hasExpired(principal.expiresAt, this.clock())) return false;
    const now = performance.now();
    const cached = this.checked.get(principal.tokenId);
    // A revocation is final: only an "active" answer needs reading again.
    if (cached && (!cached.active || now - cached.at < this.recheckMs)) return cached.active;
    const token = await this.store.find(principal.tokenId);
    const active = token !== null && token.revokedAt === null;
    this.checked.set(principal.tokenId, { active, at: now });
    return active;
  }

  /** The token was revoked on this instance: it fails from now on, and the listeners hear of it. */
  readonly revoked = (tokenId: string): void => {
    this.checked.set(tokenId, { active: false, at: performance.now() });
    for (const listener of this.listeners) listener(tokenId);
  };

  /** Calls `listener` with each token revoked on this instance; returns the unsubscribe. */
  onRevoked(listener: (tokenId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
