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

/**
 * The incident maps a fold grows in place, each with the one state that may grow it further. Copying
 * a map per event made folding a launch with n incidents cost n² (a burst of 1,000 alerts: 150 ms per
 * command); here a fold costs n. Rule that keeps it correct: a state handed to `evolve` is consumed —
 * a caller keeps the result, not the input (every caller folds a stream front to back; none branches).
 * A map not owned by the state being evolved (a fresh fold, a state built by hand) is copied first.
 */
const owners = new WeakMap<ReadonlyMap<string, unknown>, ExistingLaunch>();

const grown = <Value>(
  map: ReadonlyMap<string, Value>,
  from: ExistingLaunch,
  key: string,
  value: Value,
): Map<string, Value> => {
  const target = owners.get(map) === from ? (map as Map<string, Value>) : new Map(map);
  return target.set(key, value);
};

/** Marks the maps of `next` as growable by `next` alone. */
const own = (next: ExistingLaunch): ExistingLaunch => {
  owners.set(next.incidents, next);
  owners.set(next.externalIncidents, next);
  return next;
};

/** `next` takes over the maps one of `previous` owned (the state before an event, and steps in between). */
export const handOver = (next: ExistingLaunch, previous: readonly ExistingLaunch[]): ExistingLaunch => {
  for (const map of [next.incidents, next.externalIncidents]) {
    const owner = owners.get(map);
    if (owner !== undefined && previous.includes(owner)) owners.set(map, next);
  }
  return next;
};

const withIncident = (launch: ExistingLaunch, incident: Incident): ExistingLaunch => ({
  ...launch,
  incidents: grown(launch.incidents, launch, incident.incidentId, incident),
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
  const externalIncidents =
    source && externalId
      ? grown(launch.externalIncidents, launch, externalIncidentKey(source, externalId), data.incidentId)
      : launch.externalIncidents;
  const next = withIncident(launch, incident);
  return touchedCritical({ ...next, externalIncidents }, isCriticalSeverity(data.severity), data.at);
};

export const applyIncidentFacts = (launch: ExistingLaunch, event: IncidentEvent): ExistingLaunch =>
  own(applyIncident(launch, event));

const applyIncident = (launch: ExistingLaunch, event: IncidentEvent): ExistingLaunch => {
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
