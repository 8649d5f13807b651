import { ErrorCodes, type RemoveTeamMember } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { teamDecider } from '../team.decider';
import { context, TEAM_ID, teamCreated, teamWith } from '../team.fixtures';

const spec = deciderSpec(teamDecider);
const removeMember = (userId: string): RemoveTeamMember => ({
  type: 'RemoveTeamMember',
  data: { teamId: TEAM_ID, userId },
});

describe('RemoveTeamMember', () => {
  it('removes a member', () => {
    spec
      .given(teamWith(['bob', 'LEAD'], ['carol', 'MEMBER']))
      .when(removeMember('carol'), { context })
      .then([{ type: 'TeamMemberRemoved', data: { teamId: TEAM_ID, userId: 'carol' } }]);
  });

  it('removes a lead when another lead remains', () => {
    spec
      .given(teamWith(['bob', 'LEAD'], ['carol', 'LEAD']))
      .when(removeMember('bob'), { context })
      .then([{ type: 'TeamMemberRemoved', data: { teamId: TEAM_ID, userId: 'bob' } }]);
  });

  it('refuses to remove the last lead', () => {
    spec
      .given(teamWith(['bob', 'LEAD'], ['carol', 'MEMBER']))
      .when(removeMember('bob'), { context })
      .thenThrows(ErrorCodes.TEAM_LAST_LEAD);
  });

  it('refuses to remove the last lead even when they are the only member', () => {
    spec
      .given(teamWith(['bob', 'LEAD']))
      .when(removeMember('bob'), { context })
      .thenThrows(ErrorCodes.TEAM_LAST_LEAD);
  });

  it('refuses a user who is not a member', () => {
    spec
      .given(teamWith(['bob', 'LEAD']))
      .when(removeMember('dave'), { context })
      .thenThrows(ErrorCodes.TEAM_MEMBER_NOT_FOUND);
  });

  it('refuses a user who was removed before', () => {
    spec
      .given([
        ...teamWith(['bob', 'LEAD'], ['carol', 'MEMBER']),
        { type: 'TeamMemberRemoved', data: { teamId: TEAM_ID, userId: 'carol' } },
      ])
      .when(removeMember('carol'), { context })
      .thenThrows(ErrorCodes.TEAM_MEMBER_NOT_FOUND);
  });

  it('refuses a team that does not exist', () => {
    spec.given([]).when(removeMember('bob'), { context }).thenThrows(ErrorCodes.TEAM_NOT_FOUND);
  });

  it('refuses on a freshly created team with no members', () => {
    spec
      .given([teamCreated()])
      .when(removeMember('bob'), { context })
      .thenThrows(ErrorCodes.TEAM_MEMBER_NOT_FOUND);
  });
});
