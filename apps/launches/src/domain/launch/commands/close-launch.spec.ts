import { ErrorCodes, type CloseLaunch } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import {
  context,
  inGo,
  inHypercare,
  inPlanning,
  incidentReported,
  incidentResolved,
  LAUNCH_ID,
  NOW,
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

  it.each([
    ['planning', inPlanning],
    ['go', inGo],
  ])('refuses a %s launch that is not live', (_status, history) => {
    spec.given(history).when(close, { context }).thenThrows(ErrorCodes.LAUNCH_NOT_LIVE);
  });
});
