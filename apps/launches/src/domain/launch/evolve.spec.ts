import { defaultGatePolicy, fold, launchStatusAfter, type LaunchEvent } from '@tminus/contracts';
import { launchDecider } from './launch.decider';
import {
  cancelled,
  closed,
  decisionRecorded,
  inGo,
  inHypercare,
  inPlanning,
  incidentReported,
  incidentResolved,
  LAUNCH_ID,
  launchCreated,
  teamRequired,
  TARGET_DATE,
} from './launch.fixtures';
import { gatePolicyFor, openCriticalIncidents, supportStatus } from './queries';
import type { ExistingLaunch } from './state';

const launchAfter = (events: LaunchEvent[]): ExistingLaunch => {
  const state = fold(launchDecider, events);
  if (!state.exists) throw new Error('expected a launch');
  return state;
};

describe('launch evolve', () => {
  it('starts with no launch', () => {
    expect(launchDecider.initialState()).toEqual({ exists: false });
  });

  it.each([
    ['PLANNING', inPlanning],
    ['GO', inGo],
    ['PLANNING', [...inGo, decisionRecorded('NO_GO')]],
    ['HYPERCARE', inHypercare],
    ['CLOSED', closed],
    ['CANCELLED', cancelled],
    ['CANCELLED', [...inHypercare, { ...cancelled[1] }]],
  ])('reaches %s, as launchStatusAfter says', (status, history) => {
    expect(launchAfter(history).status).toBe(status);
    expect(launchStatusAfter(history)).toBe(status);
  });

  it('keeps the facts later commands rely on', () => {
    const launch = launchAfter([
      ...inPlanning,
      teamRequired('team-qa'),
      teamRequired('team-docs'),
      { type: 'TeamReleased', data: { launchId: LAUNCH_ID, teamId: 'team-docs' } },
      {
        type: 'LaunchEdited',
        data: { launchId: LAUNCH_ID, name: 'Spring launch', description: 'All of it', ownerUserId: null },
      },
      {
        type: 'LaunchRescheduled',
        data: {
          launchId: LAUNCH_ID,
          targetDate: '2026-05-01T00:00:00.000Z',
          previousTargetDate: TARGET_DATE,
        },
      },
      ...inHypercare.slice(1),
      {
        type: 'HypercareExtended',
        data: {
          launchId: LAUNCH_ID,
          days: 7,
          hypercareEndsAt: '2026-04-22T08:00:00.000Z',
          quietPeriodHours: null,
        },
      },
    ]);
    expect(launch).toMatchObject({
      name: 'Spring launch',
      description: 'All of it',
      ownerUserId: null,
      targetDate: '2026-05-01T00:00:00.000Z',
      requiredTeams: new Set(['team-qa']),
      decision: { decision: 'GO', notes: null, by: 'maria', at: '2026-03-09T10:00:00.000Z' },
      wentLiveAt: '2026-04-01T08:00:00.000Z',
      hypercareEndsAt: '2026-04-22T08:00:00.000Z',
    });
  });

  it('does not mutate the previous state', () => {
    const before = launchAfter([...inPlanning, teamRequired('team-qa')]);
    launchDecider.evolve(before, { type: 'TeamReleased', data: { launchId: LAUNCH_ID, teamId: 'team-qa' } });
    expect(before.requiredTeams.has('team-qa')).toBe(true);
  });

  it('ignores events of a stream that was never created', () => {
    expect(launchDecider.evolve(launchDecider.initialState(), teamRequired('team-qa'))).toEqual({
      exists: false,
    });
  });

  it('ignores a resolution of an incident it never saw', () => {
    const launch = launchAfter([...inHypercare, incidentResolved('inc-9')]);
    expect(launch.incidents.size).toBe(0);
  });

  it('records gate evaluations without changing the launch', () => {
    const before = launchAfter([launchCreated]);
    const after = launchDecider.evolve(before, {
      type: 'GateEvaluated',
      data: {
        launchId: LAUNCH_ID,
        environment: 'production',
        decision: 'DENIED',
        reasons: [],
        position: '1',
        evaluatedAt: TARGET_DATE,
        evaluatedBy: 'ci',
      },
    });
    expect(after).toEqual(before);
  });
});

describe('launch queries', () => {
  it('reports support status from open incidents', () => {
    expect(supportStatus(launchAfter(inHypercare))).toBe('GREEN');
    expect(supportStatus(launchAfter([...inHypercare, incidentReported('inc-4', 'SEV4')]))).toBe('AMBER');
    const withCritical = [
      ...inHypercare,
      incidentReported('inc-4', 'SEV4'),
      incidentReported('inc-2', 'SEV2'),
    ];
    expect(supportStatus(launchAfter(withCritical))).toBe('RED');
    expect(openCriticalIncidents(launchAfter(withCritical)).map((incident) => incident.incidentId)).toEqual([
      'inc-2',
    ]);
    expect(supportStatus(launchAfter([...withCritical, incidentResolved('inc-2')]))).toBe('AMBER');
  });

  it('answers the explicit gate policy, else the default one', () => {
    const staging = { requireReady: true, minReadinessPercent: 50, requireGoDecision: false };
    const launch = launchAfter([
      ...inPlanning,
      { type: 'GatePolicySet', data: { launchId: LAUNCH_ID, environment: 'staging', ...staging } },
    ]);
    expect(gatePolicyFor(launch, 'staging')).toEqual(staging);
    expect(gatePolicyFor(launch, 'production')).toEqual(defaultGatePolicy('production'));
    expect(gatePolicyFor(launch, 'dev')).toEqual({
      requireReady: false,
      minReadinessPercent: 0,
      requireGoDecision: false,
    });
  });
});
