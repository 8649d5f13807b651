import { ErrorCodes, type RenameTeam } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { teamDecider } from '../team.decider';
import { context, TEAM_ID, teamCreated } from '../team.fixtures';

const spec = deciderSpec(teamDecider);
const renameTeam = (name: string): RenameTeam => ({ type: 'RenameTeam', data: { teamId: TEAM_ID, name } });

describe('RenameTeam', () => {
  it('renames the team', () => {
    spec
      .given([teamCreated()])
      .when(renameTeam(' Quality '), { context })
      .then([{ type: 'TeamRenamed', data: { teamId: TEAM_ID, name: 'Quality' } }]);
  });

  it('changes nothing when the name is the same', () => {
    spec.given([teamCreated()]).when(renameTeam('QA Core '), { context }).thenNothing();
  });

  it('refuses a blank name', () => {
    spec.given([teamCreated()]).when(renameTeam('  '), { context }).thenThrows(ErrorCodes.TEAM_INVALID_NAME);
  });

  it('refuses a team that does not exist', () => {
    spec.given([]).when(renameTeam('Quality'), { context }).thenThrows(ErrorCodes.TEAM_NOT_FOUND);
  });
});
