import type { Actor, Role } from '@tminus/contracts';

/** Who a request acts as: the API token it carried. */
export interface Principal {
  readonly tokenId: string;
  readonly tokenName: string;
  readonly role: Role;
  /** The user the token acts for; team membership (TEAM_MEMBER) is looked up by it. */
  readonly userId: string;
  /** A TEAM_MEMBER token limited to these teams (null: every team the user belongs to). */
  readonly teamIds: readonly string[] | null;
  /** When the token stops working (ISO-8601 UTC); null: never. */
  readonly expiresAt: string | null;
}

/** True when `expiresAt` is set and not after `now`. */
export const hasExpired = (expiresAt: string | null, now: Date): boolean =>
  expiresAt !== null && Date.parse(expiresAt) <= now.getTime();

export const actorOf = (principal: Principal): Actor => ({ userId: principal.userId, role: principal.role });
