import {
  blocked,
  checklistView,
  done,
  itemView,
  launchView,
  NOW,
  SIGNED,
  teamView,
  BEFORE_NOW,
} from '../testing/views';
import type { LaunchView } from '../views';
import { computeLaunchReadiness } from './launch-readiness';

const QA = teamView('team-qa', 'qa', 'QA');
const SEC = teamView('team-sec', 'sec', 'Security');
const requiring = (...teamIds: string[]): LaunchView => launchView({ requiredTeamIds: teamIds });
const readyQa = checklistView('team-qa', [done('q1'), done('q2')], { signOffs: SIGNED });

describe('computeLaunchReadiness', () => {
  it('is ready when every required team is ready', () => {
    const secReady = checklistView('team-sec', [done('s1')], { signOffs: SIGNED });
    const result = computeLaunchReadiness(
      requiring('team-qa', 'team-sec'),
      [readyQa, secReady],
      [QA, SEC],
      NOW,
    );
    expect(result).toMatchObject({
      launchId: 'launch-1',
      ready: true,
      percent: 100,
      counts: { requiredItems: 3, doneOrWaived: 3, open: 0, blocked: 0, overdue: 0 },
      blockers: [],
      computedAt: NOW.toISOString(),
    });
    expect(result.teams.map(({ teamKey, ready }) => [teamKey, ready])).toEqual([
      ['qa', true],
      ['sec', true],
    ]);
  });

  it('is not ready while one team is not, and gathers its blockers, counts and overdue items', () => {
    const secLate = checklistView('team-sec', [
      itemView('s1', { dueDate: BEFORE_NOW }),
      blocked('s2', 'vendor late', { title: 'Pen test' }),
      done('s3'),
    ]);
    const result = computeLaunchReadiness(
      requiring('team-qa', 'team-sec'),
      [readyQa, secLate],
      [QA, SEC],
      NOW,
    );
    expect(result.ready).toBe(false);
    expect(result.blockers.map(({ code, teamKey, itemId }) => [code, teamKey, itemId])).toEqual([
      ['OVERDUE_ITEM', 'sec', 's1'],
      ['BLOCKED_ITEM', 'sec', 's2'],
      ['NOT_SIGNED_OFF', 'sec', null],
    ]);
    expect(result.blockers[1].message).toBe("Security: 'Pen test' is blocked: vendor late");
    expect(result.counts).toEqual({ requiredItems: 5, doneOrWaived: 3, open: 1, blocked: 1, overdue: 1 });
    expect(result.percent).toBe(60);
    expect(result.overdue.map(({ itemId, teamKey }) => [itemId, teamKey])).toEqual([['s1', 'sec']]);
  });

  it('a required team whose checklist is not opened yet is not ready', () => {
    const result = computeLaunchReadiness(requiring('team-qa', 'team-sec'), [readyQa], [QA, SEC], NOW);
    expect(result.ready).toBe(false);
    expect(result.blockers).toEqual([
      expect.objectContaining({
        code: 'NOT_SIGNED_OFF',
        teamId: 'team-sec',
        teamKey: 'sec',
        message: 'Security: its checklist has not been opened yet, so it is not signed off',
      }),
    ]);
  });

  it('ignores checklists of released teams and of other launches', () => {
    const released = checklistView('team-sec', [itemView('s1')], { status: 'CLOSED' });
    const otherLaunch = checklistView('team-qa', [itemView('x')], { launchId: 'launch-2', id: 'other' });
    const result = computeLaunchReadiness(
      requiring('team-qa'),
      [otherLaunch, readyQa, released],
      [QA, SEC],
      NOW,
    );
    expect(result).toMatchObject({ ready: true, counts: { requiredItems: 2 } });
    expect(result.teams.map(({ checklistId }) => checklistId)).toEqual(['checklist-team-qa']);
  });

  it('a launch with no required team is not ready and at 0%', () => {
    const result = computeLaunchReadiness(requiring(), [], [], NOW);
    expect(result).toMatchObject({ ready: false, percent: 0, teams: [] });
    expect(result.blockers).toEqual([
      {
        code: 'NOT_SIGNED_OFF',
        teamId: null,
        teamKey: null,
        itemId: null,
        itemTitle: null,
        message: 'Launch checkout-v2 requires no team yet, so no team has signed it off',
      },
    ]);
  });

  it('a cancelled launch is not ready, with LAUNCH_CANCELLED as its only blocker', () => {
    const closed = checklistView('team-qa', [done('q1')], {
      status: 'CLOSED',
      closedReason: 'LAUNCH_CANCELLED',
    });
    const cancelled = launchView({ status: 'CANCELLED', requiredTeamIds: ['team-qa'] });
    const result = computeLaunchReadiness(cancelled, [closed], [QA], NOW);
    expect(result.ready).toBe(false);
    expect(result.blockers.map(({ code, message }) => [code, message])).toEqual([
      ['LAUNCH_CANCELLED', 'Launch checkout-v2 is cancelled'],
    ]);
    expect(result.teams[0].ready).toBe(false);
  });

  it('with required teams but no required items: 100% once all signed off, 0% before', () => {
    const emptySigned = checklistView('team-qa', [], { signOffs: SIGNED });
    const emptyUnsigned = checklistView('team-sec', []);
    expect(computeLaunchReadiness(requiring('team-qa'), [emptySigned], [QA], NOW).percent).toBe(100);
    expect(
      computeLaunchReadiness(requiring('team-qa', 'team-sec'), [emptySigned, emptyUnsigned], [QA, SEC], NOW)
        .percent,
    ).toBe(0);
  });
});
