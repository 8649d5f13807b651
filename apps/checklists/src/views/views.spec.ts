import type { LaunchEvent, TeamEvent } from '@tminus/contracts';
import { applyLaunchEvent, type LaunchView } from './launch-view';
import { applyTeamEvent, roleIn, type TeamView } from './team-view';

const foldTeam = (events: TeamEvent[]) => events.reduce<TeamView | null>(applyTeamEvent, null);
const foldLaunch = (events: LaunchEvent[]) => events.reduce<LaunchView | null>(applyLaunchEvent, null);

describe('team view', () => {
  const team = foldTeam([
    { type: 'TeamCreated', data: { teamId: 't', key: 'qa', name: 'QA', function: 'QA' } },
    { type: 'TeamMemberAdded', data: { teamId: 't', userId: 'lea', role: 'MEMBER' } },
    { type: 'TeamMemberRoleChanged', data: { teamId: 't', userId: 'lea', role: 'LEAD' } },
    { type: 'TeamMemberAdded', data: { teamId: 't', userId: 'bob', role: 'MEMBER' } },
    { type: 'TeamMemberRemoved', data: { teamId: 't', userId: 'bob' } },
  ]);

  it('knows the function and each member role', () => {
    expect(team).toEqual({ teamId: 't', function: 'QA', members: { lea: 'LEAD' } });
  });

  it('gives no role to strangers, removed members, or names of Object.prototype', () => {
    expect([
      roleIn(team, 'lea'),
      roleIn(team, 'bob'),
      roleIn(team, 'constructor'),
      roleIn(null, 'lea'),
    ]).toEqual(['LEAD', null, null, null]);
  });
});

describe('launch view', () => {
  it('tracks the target date and the teams required now, in order', () => {
    const launch = foldLaunch([
      {
        type: 'LaunchCreated',
        data: {
          launchId: 'l',
          key: 'k',
          name: 'n',
          targetDate: '2031-01-01T00:00:00.000Z',
          description: null,
          ownerUserId: null,
        },
      },
      {
        type: 'TeamRequired',
        data: { launchId: 'l', teamId: 'a', targetDate: '2031-01-01T00:00:00.000Z', signOffsRequired: 1 },
      },
      {
        type: 'TeamRequired',
        data: { launchId: 'l', teamId: 'b', targetDate: '2031-01-01T00:00:00.000Z', signOffsRequired: 1 },
      },
      { type: 'TeamReleased', data: { launchId: 'l', teamId: 'a' } },
      {
        type: 'LaunchRescheduled',
        data: {
          launchId: 'l',
          targetDate: '2031-02-01T00:00:00.000Z',
          previousTargetDate: '2031-01-01T00:00:00.000Z',
        },
      },
      {
        type: 'TeamRequired',
        data: { launchId: 'l', teamId: 'a', targetDate: '2031-02-01T00:00:00.000Z', signOffsRequired: 1 },
      },
    ]);
    expect(launch).toEqual({
      launchId: 'l',
      targetDate: '2031-02-01T00:00:00.000Z',
      requiredTeamIds: ['b', 'a'],
    });
  });
});
