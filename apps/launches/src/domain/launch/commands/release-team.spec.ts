import { ErrorCodes, type ReleaseTeam, type TeamReleased } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import { context, inGo, inHypercare, inPlanning, LAUNCH_ID, teamRequired } from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const releaseTeam = (teamId: string): ReleaseTeam => ({
  type: 'ReleaseTeam',
  data: { launchId: LAUNCH_ID, teamId },
});
const released = (teamId: string): TeamReleased => ({
  type: 'TeamReleased',
  data: { launchId: LAUNCH_ID, teamId },
});

describe('ReleaseTeam', () => {
  it('releases a required team', () => {
    spec
      .given([...inPlanning, teamRequired('team-qa')])
      .when(releaseTeam('team-qa'), { context })
      .then([released('team-qa')]);
  });

  it('is allowed after a GO decision', () => {
    spec
      .given([...inGo, teamRequired('team-qa')])
      .when(releaseTeam('team-qa'), { context })
      .then([released('team-qa')]);
  });

  it('refuses a team that is not required', () => {
    spec
      .given([...inPlanning, teamRequired('team-qa')])
      .when(releaseTeam('team-docs'), { context })
      .thenThrows(ErrorCodes.LAUNCH_TEAM_NOT_REQUIRED);
  });

  it('refuses a team that was already released', () => {
    spec
      .given([...inPlanning, teamRequired('team-qa'), released('team-qa')])
      .when(releaseTeam('team-qa'), { context })
      .thenThrows(ErrorCodes.LAUNCH_TEAM_NOT_REQUIRED);
  });

  it('refuses once the launch is live', () => {
    spec
      .given([...inPlanning, teamRequired('team-qa'), ...inHypercare.slice(1)])
      .when(releaseTeam('team-qa'), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_TRANSITION);
  });
});
