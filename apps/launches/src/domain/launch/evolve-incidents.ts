import {
  isCriticalSeverity,
  type IncidentAcknowledged,
  type IncidentReported,
  type IncidentResolved,
  type IncidentSeverityChanged,
  type LaunchEvent,
} from '@tminus/contracts';
import { externalIncidentKey, type ExistingLaunch, type Incident } from './state';

type IncidentEvent = IncidentReported | IncidentResolved | IncidentAcknowledged | IncidentSeverityChanged;

const INCIDENT_EVENTS = new Set<string>([
  'IncidentReported',
  'IncidentResolved',
  'IncidentAcknowledged',
  'IncidentSeverityChanged',
]);

export const isIncidentEvent = (event: LaunchEvent): event is IncidentEvent =>
  INCIDENT_EVENTS.has(event.type);

const withIncident = (launch: ExistingLaunch, incident: Incident): ExistingLaunch => ({
  ...launch,
  incidents: new Map(launch.incidents).set(incident.incidentId, incident),
});

/** A SEV1/SEV2 that starts, ends or changes severity at `at` restarts the quiet period from there. */
const touchedCritical = (launch: ExistingLaunch, critical: boolean, at: string): ExistingLaunch =>
  critical ? { ...launch, lastCriticalAt: at } : launch;

const reported = (launch: ExistingLaunch, { data }: IncidentReported): ExistingLaunch => {
  // v1 events are upcast, but a replay through an older reader may still lack the new fields.
  const source = data.source ?? null;
  const externalId = data.externalId ?? null;
  const incident: Incident = {
    incidentId: data.incidentId,
    severity: data.severity,
    title: data.title,
    resolved: false,
    acknowledged: false,
    source,
    externalId,
    url: data.url ?? null,
  };
  const next = withIncident(launch, incident);
  const externalIncidents =
    source && externalId
      ? new Map(launch.externalIncidents).set(externalIncidentKey(source, externalId), data.incidentId)
      : launch.externalIncidents;
  return touchedCritical({ ...next, externalIncidents }, isCriticalSeverity(data.severity), data.at);
};

export const applyIncidentFacts = (launch: ExistingLaunch, event: IncidentEvent): ExistingLaunch => {
  if (event.type === 'IncidentReported') return reported(launch, event);
  const incident = launch.incidents.get(event.data.incidentId);
  if (!incident) return launch;
  switch (event.type) {
    case 'IncidentResolved':
      return touchedCritical(
        withIncident(launch, { ...incident, resolved: true }),
        isCriticalSeverity(incident.severity),
        event.data.at,
      );
    case 'IncidentAcknowledged':
      return withIncident(launch, { ...incident, acknowledged: true });
    case 'IncidentSeverityChanged': {
      const critical = isCriticalSeverity(incident.severity) || isCriticalSeverity(event.data.severity);
      const next = withIncident(launch, { ...incident, severity: event.data.severity });
      return touchedCritical(next, critical, event.data.at);
    }
  }
};
