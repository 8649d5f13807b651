import { newId, type Role } from '@tminus/contracts';
import { badUserInput } from '../errors/gateway-error';
import { generateToken, hashToken } from './api-token';
import type { StoredToken, TokenStore } from './token-store';

export interface TokenSpec {
  readonly name: string;
  readonly role: Role;
  /** Default: `token:<id>`, so actions of a token without a user are still attributable. */
  readonly userId?: string | null;
  readonly teamIds?: readonly string[] | null;
  /** When the token stops working (ISO-8601); must be in the future. Default: never. */
  readonly expiresAt?: string | null;
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
    /** Told about each revocation made here (the WebSocket sessions of the token close at once). */
    private readonly onRevoked: (tokenId: string) => void = () => undefined,
  ) {}

  async issue(spec: TokenSpec): Promise<IssuedToken> {
    if (spec.expiresAt && Date.parse(spec.expiresAt) <= this.clock().getTime()) {
      throw badUserInput([{ field: 'input.expiresAt', message: 'must be in the future' }]);
    }
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
  async revoke(id: string): Promise<boolean> {
    const revoked = await this.store.revoke(id, this.clock().toISOString());
    if (revoked) this.onRevoked(id);
    return revoked;
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
      expiresAt: spec.expiresAt ?? null,
    };
    return { secret, tokenHash: hashToken(secret), token };
  }
}
