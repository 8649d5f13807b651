import { DomainError, ErrorCodes, type DecideContext, type LaunchClosed } from '@tminus/contracts';
import { requireStatus } from '../guards';
import { openCriticalIncidents } from '../queries';
import type { ExistingLaunch } from '../state';

/** Ends hypercare. Refused while a SEV1/SEV2 incident is open; SEV3/SEV4 ones may stay open. */
export const closeLaunch = (launch: ExistingLaunch, { now }: DecideContext): LaunchClosed[] => {
  requireStatus(launch, { allowed: ['HYPERCARE'], action: 'closing', code: ErrorCodes.LAUNCH_NOT_LIVE });
  const critical = openCriticalIncidents(launch);
  if (critical.length > 0) {
    const list = critical.map((incident) => `${incident.incidentId} (${incident.severity})`).join(', ');
    throw new DomainError(
      ErrorCodes.LAUNCH_OPEN_CRITICAL_INCIDENTS,
      `Launch "${launch.key}" cannot be closed while critical incidents are open: ${list}.`,
    );
  }
  return [{ type: 'LaunchClosed', data: { launchId: launch.launchId, at: now.toISOString() } }];
};
