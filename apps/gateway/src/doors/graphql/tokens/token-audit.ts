import { actorOf, type Principal } from '../../../core/auth/principal';
import type { StoredToken } from '../../../core/auth/token-store';
import type { GatewayChange } from '../../../core/read-model/audit/audit-trail';

/** The audit record of a new token: what it may do, never its secret. */
export const tokenCreated = (principal: Principal, token: StoredToken): GatewayChange => {
  const limit =
    token.teamIds && token.teamIds.length > 0 ? `, limited to teams ${token.teamIds.join(', ')}` : '';
  const user = token.userId ? ` for ${token.userId}` : '';
  return {
    type: 'ApiTokenCreated',
    subjectId: token.id,
    actor: actorOf(principal),
    summary: `API token '${token.name}' (${token.role})${user} created${limit}`,
    data: {
      tokenId: token.id,
      name: token.name,
      role: token.role,
      userId: token.userId,
      teamIds: token.teamIds,
    },
  };
};

export const tokenRevoked = (principal: Principal, tokenId: string): GatewayChange => ({
  type: 'ApiTokenRevoked',
  subjectId: tokenId,
  actor: actorOf(principal),
  summary: `API token ${tokenId} revoked`,
  data: { tokenId },
});
