import { DomainError, ErrorCodes, type DecideContext, type LaunchClosed } from '@tminus/contracts';
import { exitRefusal } from '../exit-criteria';
import { requireStatus } from '../guards';
import type { ExistingLaunch } from '../state';

/**
 * Ends hypercare. Refused while a SEV1/SEV2 incident is open (SEV3/SEV4 ones may stay open), or while
 * the launch's quiet period after the last SEV1/SEV2 runs.
 */
export const closeLaunch = (launch: ExistingLaunch, { now }: DecideContext): LaunchClosed[] => {
  requireStatus(launch, { allowed: ['HYPERCARE'], action: 'closing', code: ErrorCodes.LAUNCH_NOT_LIVE });
  const refusal = exitRefusal(launch, now);
  if (refusal) throw new DomainError(refusal.code, refusal.reason);
  return [{ type: 'LaunchClosed', data: { launchId: launch.launchId, at: now.toISOString() } }];
};
