import { badUserInput } from '../../../core/errors/gateway-error';
import type { TeamView } from '../../../core/read-model/domain';

/**
 * A TEAM_MEMBER token may only be limited to teams its user belongs to: a limit to any other team would
 * grant nothing and hide the mistake until the token is refused. Answers the teams' ids (keys resolved).
 */
export const requireOwnTeams = async (
  userId: string | null | undefined,
  teamRefs: readonly string[] | null | undefined,
  findTeam: (ref: string) => Promise<TeamView | null>,
): Promise<string[] | null> => {
  if (!teamRefs || teamRefs.length === 0) return teamRefs ? [] : null;
  const teams = await Promise.all(teamRefs.map(async (ref) => ({ ref, team: await findTeam(ref) })));
  const unknown = teams.filter(({ team }) => team === null).map(({ ref }) => ref);
  if (unknown.length > 0)
    throw badUserInput([{ field: 'input.teamIds', message: `unknown teams: ${unknown.join(', ')}` }]);
  const foreign = teams.filter(({ team }) => !team?.members.some((member) => member.userId === userId));
  if (foreign.length > 0) {
    const names = foreign.map(({ team }) => team?.key).join(', ');
    throw badUserInput([{ field: 'input.teamIds', message: `user ${userId} is not a member of: ${names}` }]);
  }
  return teams.map(({ team }) => (team as TeamView).id);
};
