import type { TeamView } from '../read-model/domain';
import { forbidden, unauthenticated } from '../errors/gateway-error';
import { ruleOf, type Operation } from './access-policy';
import type { Principal } from './principal';

/** Throws UNAUTHENTICATED without a principal, FORBIDDEN when its role may not do `operation`. */
export function authorize(principal: Principal | null, operation: Operation): Principal {
  if (principal === null) throw unauthenticated();
  if (!(ruleOf(operation).roles as readonly string[]).includes(principal.role)) {
    throw forbidden(`A ${principal.role} token may not use ${operation}`);
  }
  return principal;
}

/** Whether the token's team limit (if any) lets it act for `teamId`. */
const tokenCovers = (principal: Principal, teamId: string): boolean =>
  principal.teamIds === null || principal.teamIds.includes(teamId);

/**
 * The team check of a checklist operation, after {@link authorize}. Only TEAM_MEMBER tokens are
 * scoped: the user must belong to the checklist's team (as the read model knows it), the token must
 * cover that team, and signing off needs the LEAD role. `team` is null when the team is unknown yet.
 */
export function authorizeForTeam(
  principal: Principal,
  operation: Operation,
  teamId: string,
  team: TeamView | null,
): void {
  const scope = ruleOf(operation).teamScope;
  if (scope === undefined || principal.role !== 'TEAM_MEMBER') return;
  const member = team?.members.find((candidate) => candidate.userId === principal.userId);
  if (member === undefined || !tokenCovers(principal, teamId)) {
    throw forbidden(`User ${principal.userId} is not a member of the team that owns this checklist`);
  }
  if (scope === 'lead' && member.role !== 'LEAD') {
    throw forbidden(`Only a LEAD of the team may ${operation}; ${principal.userId} is a ${member.role}`);
  }
}
