import {
  ErrorCodes,
  INCIDENT_ALERT_STATUSES,
  INCIDENT_SOURCES,
  SEVERITIES,
  type DecideContext,
  type IncidentAcknowledged,
  type IncidentReported,
  type IncidentResolved,
  type IncidentSeverityChanged,
  type RecordIncidentAlert,
} from '@tminus/contracts';
import { requireStatus } from '../guards';
import { externalIncidentKey, type ExistingLaunch, type Incident } from '../state';
import { optionalUrl, requireId, requireName, requireOneOf } from '../validation';

type AlertEvent = IncidentReported | IncidentAcknowledged | IncidentResolved | IncidentSeverityChanged;

/**
 * An alert from an on-call tool. Idempotent by (source, externalId) and tolerant of order: the first
 * alert of a pair reports the incident (and acknowledges or resolves it at once when that is what it
 * says), later ones only add what changed. A resolved incident stays resolved, whatever arrives late.
 * New incidents need HYPERCARE; updates to known ones are accepted until the launch ends.
 */
export const recordIncidentAlert = (
  command: RecordIncidentAlert,
  launch: ExistingLaunch,
  { now, actor }: DecideContext,
): AlertEvent[] => {
  const source = requireOneOf(command.data.source, INCIDENT_SOURCES, 'Incident source');
  const externalId = requireId(command.data.externalId, 'External incident id');
  const status = requireOneOf(command.data.status, INCIDENT_ALERT_STATUSES, 'Alert status');
  const severity = requireOneOf(command.data.severity, SEVERITIES, 'Severity');
  const stamp = { launchId: launch.launchId, by: actor.userId, at: now.toISOString() };
  const knownId = launch.externalIncidents.get(externalIncidentKey(source, externalId));
  const known = knownId === undefined ? undefined : launch.incidents.get(knownId);
  if (known) return updates(known, status, severity, stamp);
  requireStatus(launch, {
    allowed: ['HYPERCARE'],
    action: 'reporting an incident',
    code: ErrorCodes.LAUNCH_NOT_LIVE,
  });
  const incidentId = requireId(command.data.incidentId, 'Incident id');
  const reported: IncidentReported = {
    type: 'IncidentReported',
    data: {
      ...stamp,
      incidentId,
      severity,
      title: requireName(command.data.title, 'Incident title'),
      source,
      externalId,
      url: optionalUrl(command.data.url, 'Incident url'),
    },
  };
  return [reported, ...lifecycle({ incidentId, resolved: false, acknowledged: false }, status, stamp)];
};

interface Stamp {
  readonly launchId: string;
  readonly by: string;
  readonly at: string;
}

const updates = (
  incident: Incident,
  status: RecordIncidentAlert['data']['status'],
  severity: RecordIncidentAlert['data']['severity'],
  stamp: Stamp,
): AlertEvent[] => {
  if (incident.resolved) return [];
  const changed: AlertEvent[] =
    severity !== incident.severity && status !== 'resolved'
      ? [
          {
            type: 'IncidentSeverityChanged',
            data: {
              ...stamp,
              incidentId: incident.incidentId,
              severity,
              previousSeverity: incident.severity,
            },
          },
        ]
      : [];
  return [...changed, ...lifecycle(incident, status, stamp)];
};

const lifecycle = (
  incident: Pick<Incident, 'incidentId' | 'resolved' | 'acknowledged'>,
  status: RecordIncidentAlert['data']['status'],
  stamp: Stamp,
): AlertEvent[] => {
  const { incidentId } = incident;
  if (status === 'resolved' && !incident.resolved)
    return [{ type: 'IncidentResolved', data: { ...stamp, incidentId, resolution: null } }];
  if (status === 'acknowledged' && !incident.acknowledged && !incident.resolved)
    return [{ type: 'IncidentAcknowledged', data: { ...stamp, incidentId } }];
  return [];
};
