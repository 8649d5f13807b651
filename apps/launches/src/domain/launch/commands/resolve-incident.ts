import {
  DomainError,
  ErrorCodes,
  type DecideContext,
  type IncidentResolved,
  type ResolveIncident,
} from '@tminus/contracts';
import type { ExistingLaunch } from '../state';
import { optionalText, requireId } from '../validation';

/** Incidents exist only from HYPERCARE on, and ended launches are refused before this: no status check. */
export const resolveIncident = (
  command: ResolveIncident,
  launch: ExistingLaunch,
  { now, actor }: DecideContext,
): IncidentResolved[] => {
  const incidentId = requireId(command.data.incidentId, 'Incident id');
  const incident = launch.incidents.get(incidentId);
  if (!incident) {
    throw new DomainError(
      ErrorCodes.INCIDENT_NOT_FOUND,
      `Incident ${incidentId} does not exist on launch "${launch.key}".`,
    );
  }
  if (incident.resolved) {
    throw new DomainError(
      ErrorCodes.INCIDENT_ALREADY_RESOLVED,
      `Incident ${incidentId} is already resolved.`,
    );
  }
  const data = {
    launchId: launch.launchId,
    incidentId,
    resolution: optionalText(command.data.resolution, 'Resolution'),
    by: actor.userId,
    at: now.toISOString(),
  };
  return [{ type: 'IncidentResolved', data }];
};
