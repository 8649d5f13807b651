import { ErrorCodes, type CancelLaunch } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import {
  cancelled,
  closed,
  context,
  inGo,
  inHypercare,
  inPlanning,
  LAUNCH_ID,
  NOW,
} from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const cancel = (reason?: string): CancelLaunch => ({
  type: 'CancelLaunch',
  data: { launchId: LAUNCH_ID, reason },
});
const cancelledNow = (reason: string | null) => ({
  type: 'LaunchCancelled' as const,
  data: { launchId: LAUNCH_ID, reason, at: NOW.toISOString() },
});

describe('CancelLaunch', () => {
  it.each([
    ['planning', inPlanning],
    ['go', inGo],
  ])('cancels a %s launch with its reason', (_status, history) => {
    spec
      .given(history)
      .when(cancel(' Market changed '), { context })
      .then([cancelledNow('Market changed')]);
  });

  it('cancels without a reason', () => {
    spec
      .given(inPlanning)
      .when(cancel(), { context })
      .then([cancelledNow(null)]);
  });

  it('refuses a launch in hypercare: it is live, and is closed instead (no open SEV1/SEV2 skipped)', () => {
    spec.given(inHypercare).when(cancel(), { context }).thenThrows(ErrorCodes.LAUNCH_INVALID_TRANSITION);
  });

  it('refuses a closed launch', () => {
    spec.given(closed).when(cancel(), { context }).thenThrows(ErrorCodes.LAUNCH_CLOSED);
  });

  it('refuses a launch that is already cancelled', () => {
    spec.given(cancelled).when(cancel(), { context }).thenThrows(ErrorCodes.LAUNCH_CANCELLED);
  });
});
