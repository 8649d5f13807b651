import {
  launchStatusAfterEvent,
  type EventEnvelope,
  type LaunchCreated,
  type LaunchEvent,
} from '@tminus/contracts';
import type { EnvironmentGatePolicy, GateEvaluationView, IncidentView, LaunchView } from '../views';
import { asLaunchEvent } from './event-kinds';
import { alreadyApplied, progress } from './stream-progress';

const created = ({ data }: LaunchCreated, envelope: EventEnvelope): LaunchView => ({
  id: data.launchId,
  key: data.key,
  name: data.name,
  description: data.description,
  ownerUserId: data.ownerUserId,
  targetDate: data.targetDate,
  status: 'PLANNING',
  requiredTeamIds: [],
  decision: null,
  hypercare: null,
  incidents: [],
  gatePolicies: [],
  lastGateEvaluations: [],
  closedAt: null,
  cancellation: null,
  createdAt: envelope.occurredAt,
  ...progress(envelope),
});

const updateIncident = (
  launch: LaunchView,
  incidentId: string,
  change: (incident: IncidentView) => IncidentView,
): LaunchView => ({
  ...launch,
  incidents: launch.incidents.map((incident) => (incident.id === incidentId ? change(incident) : incident)),
});

/** Replaces the entry of `environment` (or appends one), keeping the others in place. */
const upsertByEnvironment = <Entry extends { environment: string }>(
  entries: readonly Entry[],
  entry: Entry,
): Entry[] =>
  entries.some((existing) => existing.environment === entry.environment)
    ? entries.map((existing) => (existing.environment === entry.environment ? entry : existing))
    : [...entries, entry];

const applyFacts = (launch: LaunchView, event: LaunchEvent): LaunchView => {
  switch (event.type) {
    case 'LaunchRescheduled':
      return { ...launch, targetDate: event.data.targetDate };
    case 'LaunchEdited': {
      const { name, description, ownerUserId } = event.data;
      return { ...launch, name, description, ownerUserId };
    }
    case 'TeamRequired':
      return launch.requiredTeamIds.includes(event.data.teamId)
        ? launch
        : { ...launch, requiredTeamIds: [...launch.requiredTeamIds, event.data.teamId] };
    case 'TeamReleased':
      return { ...launch, requiredTeamIds: launch.requiredTeamIds.filter((id) => id !== event.data.teamId) };
    case 'GoNoGoRecorded': {
      const { decision, notes, by, at } = event.data;
      return { ...launch, decision: { decision, notes, by, at } };
    }
    case 'LaunchWentLive': {
      const { at, hypercareDays, hypercareEndsAt, quietPeriodHours } = event.data;
      const hypercare = {
        wentLiveAt: at,
        endsAt: hypercareEndsAt,
        days: hypercareDays,
        quietPeriodHours: quietPeriodHours ?? 0,
        overrun: null,
      };
      return { ...launch, hypercare };
    }
    case 'HypercareExtended': {
      const { hypercare } = launch;
      if (hypercare === null) return launch;
      const { days, hypercareEndsAt } = event.data;
      const quietPeriodHours = event.data.quietPeriodHours ?? hypercare.quietPeriodHours ?? 0;
      const extended = {
        endsAt: hypercareEndsAt,
        days: hypercare.days + days,
        quietPeriodHours,
        overrun: null,
      };
      return { ...launch, hypercare: { ...hypercare, ...extended } };
    }
    case 'HypercareOverrun': {
      const { hypercare } = launch;
      if (hypercare === null) return launch;
      const { code, reason, at } = event.data;
      return { ...launch, hypercare: { ...hypercare, overrun: { code, reason, at } } };
    }
    case 'IncidentAcknowledged': {
      const { incidentId, at } = event.data;
      return updateIncident(launch, incidentId, (incident) => ({ ...incident, acknowledgedAt: at }));
    }
    case 'IncidentSeverityChanged': {
      const { incidentId, severity } = event.data;
      return updateIncident(launch, incidentId, (incident) => ({ ...incident, severity }));
    }
    case 'IncidentReported': {
      const { incidentId, severity, title, by, at } = event.data;
      if (launch.incidents.some((incident) => incident.id === incidentId)) return launch;
      const incident: IncidentView = {
        id: incidentId,
        severity,
        title,
        status: 'OPEN',
        reportedAt: at,
        reportedBy: by,
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
        source: event.data.source ?? null,
        externalId: event.data.externalId ?? null,
        url: event.data.url ?? null,
        acknowledgedAt: null,
      };
      return { ...launch, incidents: [...launch.incidents, incident] };
    }
    case 'IncidentResolved': {
      const { incidentId, resolution, by, at } = event.data;
      return updateIncident(launch, incidentId, (incident) => ({
        ...incident,
        status: 'RESOLVED',
        resolvedAt: at,
        resolvedBy: by,
        resolution,
      }));
    }
    case 'LaunchClosed':
      return { ...launch, closedAt: event.data.at };
    case 'LaunchCancelled':
      return { ...launch, cancellation: { reason: event.data.reason, at: event.data.at } };
    case 'GatePolicySet': {
      const { launchId: _launchId, ...policy } = event.data;
      return {
        ...launch,
        gatePolicies: upsertByEnvironment<EnvironmentGatePolicy>(launch.gatePolicies, policy),
      };
    }
    case 'GateEvaluated': {
      const { launchId: _launchId, ...evaluation } = event.data;
      return {
        ...launch,
        lastGateEvaluations: upsertByEnvironment<GateEvaluationView>(launch.lastGateEvaluations, evaluation),
      };
    }
    case 'LaunchCreated':
      // A second creation on an existing stream cannot happen (the decider refuses it): ignore it.
      return launch;
  }
};

/**
 * The launch document after one envelope. Unknown types, markers (CommandRejected/CommandAccepted),
 * redelivered events and events of a launch never created leave it as it was.
 */
export const applyLaunchEvent = (view: LaunchView | null, envelope: EventEnvelope): LaunchView | null => {
  const event = asLaunchEvent(envelope);
  if (event === null) return view;
  if (view === null) return event.type === 'LaunchCreated' ? created(event, envelope) : null;
  if (alreadyApplied(view.version, envelope)) return view;
  const next = applyFacts(view, event);
  // The lifecycle comes from contracts, so the read model and the launches decider cannot disagree.
  const status = launchStatusAfterEvent(next.status, event) ?? next.status;
  return { ...next, status, ...progress(envelope) };
};
