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
}

export const actorOf = (principal: Principal): Actor => ({ userId: principal.userId, role: principal.role });
