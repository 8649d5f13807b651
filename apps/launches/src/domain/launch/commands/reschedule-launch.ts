import type { DecideContext, LaunchRescheduled, RescheduleLaunch } from '@tminus/contracts';
import { BEFORE_LIVE, requireStatus } from '../guards';
import type { ExistingLaunch } from '../state';
import { requireFutureTargetDate } from '../validation';

export const rescheduleLaunch = (
  command: RescheduleLaunch,
  launch: ExistingLaunch,
  { now }: DecideContext,
): LaunchRescheduled[] => {
  requireStatus(launch, { allowed: BEFORE_LIVE, action: 'rescheduling' });
  const targetDate = requireFutureTargetDate(command.data.targetDate, now);
  if (targetDate === launch.targetDate) return [];
  return [
    {
      type: 'LaunchRescheduled',
      data: { launchId: launch.launchId, targetDate, previousTargetDate: launch.targetDate },
    },
  ];
};
