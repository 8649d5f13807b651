import {
  DEFAULT_HYPERCARE_DAYS,
  ErrorCodes,
  type DecideContext,
  type LaunchWentLive,
  type MarkLaunched,
} from '@tminus/contracts';
import { requireStatus } from '../guards';
import type { ExistingLaunch } from '../state';
import { addDays, optionalQuietPeriodHours, requireHypercareDays } from '../validation';

/** Going live starts hypercare, which lasts `hypercareDays` from now, with its quiet period (default 0). */
export const markLaunched = (
  command: MarkLaunched,
  launch: ExistingLaunch,
  { now }: DecideContext,
): LaunchWentLive[] => {
  requireStatus(launch, {
    allowed: ['GO'],
    action: 'marking it launched',
    code: ErrorCodes.LAUNCH_NOT_GO,
    hint: launch.status === 'PLANNING' ? 'Record a GO decision first.' : undefined,
  });
  const requested = command.data.hypercareDays;
  const hypercareDays = requested == null ? DEFAULT_HYPERCARE_DAYS : requireHypercareDays(requested);
  const data = {
    launchId: launch.launchId,
    at: now.toISOString(),
    hypercareDays,
    hypercareEndsAt: addDays(now, hypercareDays).toISOString(),
    quietPeriodHours: optionalQuietPeriodHours(command.data.quietPeriodHours) ?? 0,
  };
  return [{ type: 'LaunchWentLive', data }];
};
