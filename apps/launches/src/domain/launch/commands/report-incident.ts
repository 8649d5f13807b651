import {
  DomainError,
  ErrorCodes,
  SEVERITIES,
  type DecideContext,
  type IncidentReported,
  type ReportIncident,
} from '@tminus/contracts';
import { requireStatus } from '../guards';
import type { ExistingLaunch } from '../state';
import { requireId, requireName, requireOneOf } from '../validation';

export const reportIncident = (
  command: ReportIncident,
  launch: ExistingLaunch,
  { now, actor }: DecideContext,
): IncidentReported[] => {
  requireStatus(launch, {
    allowed: ['HYPERCARE'],
    action: 'reporting an incident',
    code: ErrorCodes.LAUNCH_NOT_LIVE,
  });
  const incidentId = requireId(command.data.incidentId, 'Incident id');
  if (launch.incidents.has(incidentId)) {
    throw new DomainError(
      ErrorCodes.INCIDENT_ALREADY_EXISTS,
      `Incident ${incidentId} was already reported on launch "${launch.key}".`,
    );
  }
  const data = {
    launchId: launch.launchId,
    incidentId,
    severity: requireOneOf(command.data.severity, SEVERITIES, 'Severity'),
    title: requireName(command.data.title, 'Incident title'),
    by: actor.userId,
    at: now.toISOString(),
    source: null,
    externalId: null,
    url: null,
  };
  return [{ type: 'IncidentReported', data }];
};
