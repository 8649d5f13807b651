import type { CancelLaunch, DecideContext, LaunchCancelled } from '@tminus/contracts';
import { BEFORE_LIVE, requireStatus } from '../guards';
import type { ExistingLaunch } from '../state';
import { optionalText } from '../validation';

/**
 * Allowed before the launch goes live (closed and cancelled launches are refused before this). A launch
 * in HYPERCARE is live: it is closed, not cancelled, so cancelling cannot skip the close rules (no open
 * SEV1/SEV2).
 */
export const cancelLaunch = (
  command: CancelLaunch,
  launch: ExistingLaunch,
  { now }: DecideContext,
): LaunchCancelled[] => {
  requireStatus(launch, {
    allowed: BEFORE_LIVE,
    action: 'cancelling',
    hint: launch.status === 'HYPERCARE' ? 'A live launch is closed with closeLaunch.' : undefined,
  });
  const data = {
    launchId: launch.launchId,
    reason: optionalText(command.data.reason, 'Reason'),
    at: now.toISOString(),
  };
  return [{ type: 'LaunchCancelled', data }];
};
