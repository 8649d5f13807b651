import { ErrorCodes } from '@tminus/contracts';
import { openCriticalIncidents } from './queries';
import type { ExistingLaunch } from './state';

const HOUR_MS = 3_600_000;

/** Why hypercare cannot end now: the code a close gets, and a message naming what is in the way. */
export interface ExitRefusal {
  readonly code: string;
  readonly reason: string;
}

/** When the quiet period after the last SEV1/SEV2 activity is over (null: nothing to wait for). */
export const quietUntil = (launch: ExistingLaunch): Date | null => {
  if (launch.quietPeriodHours <= 0 || launch.lastCriticalAt === null) return null;
  return new Date(Date.parse(launch.lastCriticalAt) + launch.quietPeriodHours * HOUR_MS);
};

/**
 * The hypercare exit criteria, shared by `closeLaunch` and the automatic close: no SEV1/SEV2 open, and
 * none reported or open within the last `quietPeriodHours` (an open one is named first: it is the
 * thing to fix).
 */
export const exitRefusal = (launch: ExistingLaunch, now: Date): ExitRefusal | null => {
  const critical = openCriticalIncidents(launch);
  if (critical.length > 0) {
    const list = critical.map((incident) => `${incident.incidentId} (${incident.severity})`).join(', ');
    return {
      code: ErrorCodes.LAUNCH_OPEN_CRITICAL_INCIDENTS,
      reason: `Launch "${launch.key}" cannot be closed while critical incidents are open: ${list}.`,
    };
  }
  const quietAt = quietUntil(launch);
  if (quietAt && quietAt.getTime() > now.getTime()) {
    return {
      code: ErrorCodes.LAUNCH_NOT_QUIET,
      reason: `Launch "${launch.key}" needs ${launch.quietPeriodHours} quiet hours without a SEV1/SEV2 (the last at ${launch.lastCriticalAt}): it can close from ${quietAt.toISOString()}.`,
    };
  }
  return null;
};
