import { ErrorCodes, type AddTeamMember, type TeamRole } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { teamDecider } from '../team.decider';
import { context, TEAM_ID, teamCreated, teamWith } from '../team.fixtures';

const spec = deciderSpec(teamDecider);
const addMember = (userId: string, role: TeamRole): AddTeamMember => ({
  type: 'AddTeamMember',
  data: { teamId: TEAM_ID, userId, role },
});

describe('AddTeamMember', () => {
  it('adds a new member with their role', () => {
    spec
      .given([teamCreated()])
      .when(addMember('bob', 'LEAD'), { context })
      .then([{ type: 'TeamMemberAdded', data: { teamId: TEAM_ID, userId: 'bob', role: 'LEAD' } }]);
  });

  it('changes the role of an existing member', () => {
    spec
      .given(teamWith(['bob', 'MEMBER']))
      .when(addMember('bob', 'LEAD'), { context })
      .then([{ type: 'TeamMemberRoleChanged', data: { teamId: TEAM_ID, userId: 'bob', role: 'LEAD' } }]);
  });

  it('demotes a lead when another lead remains', () => {
    spec
      .given(teamWith(['bob', 'LEAD'], ['carol', 'LEAD']))
      .when(addMember('bob', 'MEMBER'), { context })
      .then([{ type: 'TeamMemberRoleChanged', data: { teamId: TEAM_ID, userId: 'bob', role: 'MEMBER' } }]);
  });

  it('refuses to demote the last lead', () => {
    spec
      .given(teamWith(['bob', 'LEAD'], ['carol', 'MEMBER']))
      .when(addMember('bob', 'MEMBER'), { context })
      .thenThrows(ErrorCodes.TEAM_LAST_LEAD);
  });

  it('refuses a member who already has that role', () => {
    spec
      .given(teamWith(['bob', 'MEMBER']))
      .when(addMember('bob', 'MEMBER'), { context })
      .thenThrows(ErrorCodes.TEAM_MEMBER_ALREADY_EXISTS);
  });

  it('treats user ids that are Object.prototype names as ordinary ids', () => {
    spec
      .given([teamCreated()])
      .when(addMember('constructor', 'MEMBER'), { context })
      .then([{ type: 'TeamMemberAdded', data: { teamId: TEAM_ID, userId: 'constructor', role: 'MEMBER' } }]);
  });

  it('refuses an unknown role', () => {
    spec
      .given([teamCreated()])
      .when(addMember('bob', 'OWNER' as TeamRole), { context })
      .thenThrows(ErrorCodes.TEAM_INVALID_INPUT);
  });

  it('refuses a blank user id', () => {
    spec
      .given([teamCreated()])
      .when(addMember('  ', 'MEMBER'), { context })
      .thenThrows(ErrorCodes.TEAM_INVALID_INPUT);
  });

  it('refuses a team that does not exist', () => {
    spec.given([]).when(addMember('bob', 'LEAD'), { context }).thenThrows(ErrorCodes.TEAM_NOT_FOUND);
  });
});
