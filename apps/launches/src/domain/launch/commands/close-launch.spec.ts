import { ErrorCodes, type CloseLaunch, type LaunchEvent } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import {
  at,
  context,
  inGo,
  inHypercare,
  inPlanning,
  incidentReported,
  incidentResolved,
  LAUNCH_ID,
  NOW,
  wentLive,
} from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const close: CloseLaunch = { type: 'CloseLaunch', data: { launchId: LAUNCH_ID } };
const closed = [{ type: 'LaunchClosed' as const, data: { launchId: LAUNCH_ID, at: NOW.toISOString() } }];

describe('CloseLaunch', () => {
  it('closes a launch in hypercare', () => {
    spec.given(inHypercare).when(close, { context }).then(closed);
  });

  it('closes while only SEV3/SEV4 incidents are open', () => {
    spec
      .given([...inHypercare, incidentReported('inc-3', 'SEV3'), incidentReported('inc-4', 'SEV4')])
      .when(close, { context })
      .then(closed);
  });

  it.each(['SEV1', 'SEV2'] as const)('refuses while a %s incident is open', (severity) => {
    spec
      .given([...inHypercare, incidentReported('inc-1', severity)])
      .when(close, { context })
      .thenThrows(ErrorCodes.LAUNCH_OPEN_CRITICAL_INCIDENTS);
  });

  it('closes once the critical incidents are resolved', () => {
    spec
      .given([...inHypercare, incidentReported('inc-1', 'SEV1'), incidentResolved('inc-1')])
      .when(close, { context })
      .then(closed);
  });

  describe('with a quiet period (hypercare exit criteria)', () => {
    const quiet = (hours: number): LaunchEvent[] => [
      ...inGo,
      { ...wentLive, data: { ...wentLive.data, quietPeriodHours: hours } },
    ];
    // The fixtures' incident is reported 2026-04-02T08:00Z and resolved 2026-04-03T08:00Z.
    const resolvedCritical = [incidentReported('inc-1', 'SEV1'), incidentResolved('inc-1')];

    it('refuses with LAUNCH.NOT_QUIET while a SEV1/SEV2 was open within the quiet period', () => {
      spec
        .given([...quiet(24), ...resolvedCritical])
        .when(close, at('2026-04-04T07:59:59.000Z'))
        .thenThrows(ErrorCodes.LAUNCH_NOT_QUIET);
    });

    it('closes once the quiet period after the resolution has passed', () => {
      spec
        .given([...quiet(24), ...resolvedCritical])
        .when(close, at('2026-04-04T08:00:00.000Z'))
        .then([{ type: 'LaunchClosed', data: { launchId: LAUNCH_ID, at: '2026-04-04T08:00:00.000Z' } }]);
    });

    it('does not count SEV3/SEV4 incidents', () => {
      spec
        .given([...quiet(24), incidentReported('inc-3', 'SEV3'), incidentResolved('inc-3')])
        .when(close, at('2026-04-03T09:00:00.000Z'))
        .then([{ type: 'LaunchClosed', data: { launchId: LAUNCH_ID, at: '2026-04-03T09:00:00.000Z' } }]);
    });

    it('counts a SEV2 downgraded to SEV3 within the quiet period', () => {
      const downgraded: LaunchEvent = {
        type: 'IncidentSeverityChanged',
        data: {
          launchId: LAUNCH_ID,
          incidentId: 'inc-2',
          severity: 'SEV3',
          previousSeverity: 'SEV2',
          by: 'pagerduty',
          at: '2026-04-05T00:00:00.000Z',
        },
      };
      spec
        .given([...quiet(24), incidentReported('inc-2', 'SEV2'), downgraded])
        .when(close, at('2026-04-05T12:00:00.000Z'))
        .thenThrows(ErrorCodes.LAUNCH_NOT_QUIET);
    });

    it('names the open incident first when one is still open', () => {
      spec
        .given([...quiet(24), incidentReported('inc-1', 'SEV2')])
        .when(close, at('2026-04-10T00:00:00.000Z'))
        .thenThrows(ErrorCodes.LAUNCH_OPEN_CRITICAL_INCIDENTS);
    });
  });

  it.each([
    ['planning', inPlanning],
    ['go', inGo],
  ])('refuses a %s launch that is not live', (_status, history) => {
    spec.given(history).when(close, { context }).thenThrows(ErrorCodes.LAUNCH_NOT_LIVE);
  });
});
