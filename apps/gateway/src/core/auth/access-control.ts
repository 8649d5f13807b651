import type { TeamFunction } from '@tminus/contracts';
import { forbidden, unauthenticated } from '../errors/gateway-error';
import type { LaunchView, TeamView } from '../read-model/domain';
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

const teamName = (teamId: string, team: TeamView | null): string =>
  team === null ? teamId : `${team.name} (${team.key})`;

/** The refusal names the real reason: the user is not in the team, or the token does not cover it. */
const tokenScopeRefusal = (principal: Principal, what: string) =>
  forbidden(
    `This token (${principal.tokenName}) is limited to other teams than ${what}; ${principal.userId} is a member, but the token's scope does not cover it`,
  );

/**
 * The team check of a team-scoped operation (a checklist's team, or the team being changed), after
 * {@link authorize}. Only TEAM_MEMBER tokens are scoped: the user must belong to the team (as the read
 * model knows it), the token must cover that team, and 'lead' operations need the LEAD role.
 * `team` is null when the team is unknown yet.
 */
export function authorizeForTeam(
  principal: Principal,
  operation: Operation,
  teamId: string,
  team: TeamView | null,
): void {
  const scope = ruleOf(operation).teamScope;
  if ((scope !== 'member' && scope !== 'lead') || principal.role !== 'TEAM_MEMBER') return;
  const member = team?.members.find((candidate) => candidate.userId === principal.userId);
  if (member === undefined) {
    throw forbidden(`User ${principal.userId} is not a member of team ${teamName(teamId, team)}`);
  }
  if (!tokenCovers(principal, teamId)) throw tokenScopeRefusal(principal, `team ${teamName(teamId, team)}`);
  if (scope === 'lead' && member.role !== 'LEAD') {
    throw forbidden(`Only a LEAD of the team may ${operation}; ${principal.userId} is a ${member.role}`);
  }
}

const SUPPORT_FUNCTIONS: ReadonlySet<TeamFunction> = new Set(['SUPPORT', 'OPERATIONS']);

/**
 * The check of a 'support' operation on a launch (incidents), after {@link authorize}: a TEAM_MEMBER
 * must belong to a SUPPORT or OPERATIONS team required for the launch, one the token covers.
 */
export function authorizeForLaunchSupport(
  principal: Principal,
  operation: Operation,
  launch: LaunchView,
  teams: readonly TeamView[],
): void {
  if (ruleOf(operation).teamScope !== 'support' || principal.role !== 'TEAM_MEMBER') return;
  const required = new Set(launch.requiredTeamIds);
  const mine = teams.filter(
    (team) =>
      required.has(team.id) &&
      SUPPORT_FUNCTIONS.has(team.function) &&
      team.members.some((member) => member.userId === principal.userId),
  );
  if (mine.length === 0) {
    throw forbidden(
      `User ${principal.userId} is not a member of a SUPPORT or OPERATIONS team required for launch ${launch.key}`,
    );
  }
  if (!mine.some((team) => tokenCovers(principal, team.id))) {
    throw tokenScopeRefusal(principal, mine.map((team) => teamName(team.id, team)).join(', '));
  }
}
