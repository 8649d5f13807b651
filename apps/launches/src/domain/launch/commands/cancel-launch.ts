import type { CancelLaunch, DecideContext, LaunchCancelled } from '@tminus/contracts';
import type { ExistingLaunch } from '../state';
import { optionalText } from '../validation';

/** Allowed in every state before CLOSED; closed and already cancelled launches are refused before this. */
export const cancelLaunch = (
  command: CancelLaunch,
  launch: ExistingLaunch,
  { now }: DecideContext,
): LaunchCancelled[] => {
  const data = {
    launchId: launch.launchId,
    reason: optionalText(command.data.reason, 'Reason'),
    at: now.toISOString(),
  };
  return [{ type: 'LaunchCancelled', data }];
};
