import {
  DomainError,
  ErrorCodes,
  TEAM_ROLES,
  type AddTeamMember,
  type TeamMemberAdded,
  type TeamMemberRoleChanged,
} from '@tminus/contracts';
import { refuseLosingLastLead } from '../guards';
import type { ExistingTeam } from '../state';
import { requireId, requireOneOf } from '../validation';

/** Adding someone who is already a member with another role changes their role. */
export const addTeamMember = (
  command: AddTeamMember,
  team: ExistingTeam,
): (TeamMemberAdded | TeamMemberRoleChanged)[] => {
  const userId = requireId(command.data.userId, 'User id');
  const role = requireOneOf(command.data.role, TEAM_ROLES, 'Team role');
  const data = { teamId: team.teamId, userId, role };
  const currentRole = team.members.get(userId);
  if (currentRole === undefined) return [{ type: 'TeamMemberAdded', data }];
  if (currentRole === role) {
    throw new DomainError(
      ErrorCodes.TEAM_MEMBER_ALREADY_EXISTS,
      `User ${userId} is already a ${role} of team "${team.key}".`,
    );
  }
  if (currentRole === 'LEAD') refuseLosingLastLead(team, userId);
  return [{ type: 'TeamMemberRoleChanged', data }];
};
