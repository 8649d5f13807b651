import {
  ErrorCodes,
  type DecideContext,
  type ExtendHypercare,
  type HypercareExtended,
} from '@tminus/contracts';
import { requireStatus } from '../guards';
import type { ExistingLaunch } from '../state';
import { addDays, optionalQuietPeriodHours, requireHypercareDays } from '../validation';

/**
 * Adds `days` to the end of hypercare. When the planned end has already passed (the launch was not
 * closed yet), the extension counts from now: "7 more days" should mean 7 days of cover from here.
 */
export const extendHypercare = (
  command: ExtendHypercare,
  launch: ExistingLaunch,
  { now }: DecideContext,
): HypercareExtended[] => {
  requireStatus(launch, {
    allowed: ['HYPERCARE'],
    action: 'extending hypercare',
    code: ErrorCodes.LAUNCH_NOT_LIVE,
  });
  const days = requireHypercareDays(command.data.days, 'Extension days');
  const plannedEnd = launch.hypercareEndsAt ? Date.parse(launch.hypercareEndsAt) : now.getTime();
  const from = new Date(Math.max(plannedEnd, now.getTime()));
  const data = {
    launchId: launch.launchId,
    days,
    hypercareEndsAt: addDays(from, days).toISOString(),
    // Omitted keeps the current quiet period; the event says which one applies from here.
    quietPeriodHours: optionalQuietPeriodHours(command.data.quietPeriodHours) ?? launch.quietPeriodHours,
  };
  return [{ type: 'HypercareExtended', data }];
};
