import { DomainError, ErrorCodes, type RemoveTeamMember, type TeamMemberRemoved } from '@tminus/contracts';
import { refuseLosingLastLead } from '../guards';
import type { ExistingTeam } from '../state';
import { requireId } from '../validation';

export const removeTeamMember = (command: RemoveTeamMember, team: ExistingTeam): TeamMemberRemoved[] => {
  const userId = requireId(command.data.userId, 'User id');
  if (!team.members.has(userId)) {
    throw new DomainError(
      ErrorCodes.TEAM_MEMBER_NOT_FOUND,
      `User ${userId} is not a member of team "${team.key}".`,
    );
  }
  refuseLosingLastLead(team, userId);
  return [{ type: 'TeamMemberRemoved', data: { teamId: team.teamId, userId } }];
};
