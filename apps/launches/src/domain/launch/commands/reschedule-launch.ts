import type { LaunchRescheduled, RescheduleLaunch } from '@tminus/contracts';
import { BEFORE_LIVE, requireStatus } from '../guards';
import type { ExistingLaunch } from '../state';
import { requireIsoDate } from '../validation';

export const rescheduleLaunch = (command: RescheduleLaunch, launch: ExistingLaunch): LaunchRescheduled[] => {
  requireStatus(launch, { allowed: BEFORE_LIVE, action: 'rescheduling' });
  const targetDate = requireIsoDate(command.data.targetDate, 'Target date');
  if (targetDate === launch.targetDate) return [];
  return [
    {
      type: 'LaunchRescheduled',
      data: { launchId: launch.launchId, targetDate, previousTargetDate: launch.targetDate },
    },
  ];
};
