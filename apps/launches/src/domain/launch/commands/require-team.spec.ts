import { ErrorCodes, type RequireTeam } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import { context, inGo, inHypercare, inPlanning, LAUNCH_ID, teamRequired } from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const requireTeam = (teamId: string, signOffsRequired?: number | null): RequireTeam => ({
  type: 'RequireTeam',
  data: { launchId: LAUNCH_ID, teamId, signOffsRequired },
});

describe('RequireTeam', () => {
  it('requires the team, carrying the target date', () => {
    spec
      .given(inPlanning)
      .when(requireTeam('team-qa'), { context })
      .then([teamRequired('team-qa')]);
  });

  it('asks for as many distinct lead sign-offs as given', () => {
    spec
      .given(inPlanning)
      .when(requireTeam('team-qa', 2), { context })
      .then([teamRequired('team-qa', undefined, 2)]);
  });

  it.each([0, -1, 1.5, 21])('refuses %s sign-offs', (signOffsRequired) => {
    spec
      .given(inPlanning)
      .when(requireTeam('team-qa', signOffsRequired), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });

  it('carries the target date as rescheduled', () => {
    const newDate = '2026-05-01T00:00:00.000Z';
    spec
      .given([
        ...inPlanning,
        {
          type: 'LaunchRescheduled',
          data: { launchId: LAUNCH_ID, targetDate: newDate, previousTargetDate: '2026-04-01T00:00:00.000Z' },
        },
      ])
      .when(requireTeam('team-qa'), { context })
      .then([teamRequired('team-qa', newDate)]);
  });

  it('is allowed after a GO decision', () => {
    spec
      .given(inGo)
      .when(requireTeam('team-qa'), { context })
      .then([teamRequired('team-qa')]);
  });

  it('requires a team again after it was released', () => {
    spec
      .given([
        ...inPlanning,
        teamRequired('team-qa'),
        { type: 'TeamReleased', data: { launchId: LAUNCH_ID, teamId: 'team-qa' } },
      ])
      .when(requireTeam('team-qa'), { context })
      .then([teamRequired('team-qa')]);
  });

  it('refuses a team that is already required', () => {
    spec
      .given([...inPlanning, teamRequired('team-qa')])
      .when(requireTeam('team-qa'), { context })
      .thenThrows(ErrorCodes.LAUNCH_TEAM_ALREADY_REQUIRED);
  });

  it('refuses once the launch is live', () => {
    spec
      .given(inHypercare)
      .when(requireTeam('team-qa'), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_TRANSITION);
  });

  it('refuses a blank team id', () => {
    spec.given(inPlanning).when(requireTeam(''), { context }).thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });
});
