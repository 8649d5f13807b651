import type { Message } from '../common/decider';
import type { GateDecisionKind } from './gate';
import type { IncidentSource } from './incident-source';
import type { GoDecision, LaunchStatus, Severity } from './launch-status';

export type LaunchCreated = Message<
  'LaunchCreated',
  {
    launchId: string;
    key: string;
    name: string;
    targetDate: string;
    description: string | null;
    ownerUserId: string | null;
  }
>;
export type LaunchRescheduled = Message<
  'LaunchRescheduled',
  { launchId: string; targetDate: string; previousTargetDate: string }
>;
export type LaunchEdited = Message<
  'LaunchEdited',
  { launchId: string; name: string; description: string | null; ownerUserId: string | null }
>;
/** Carries the target date so the checklists service can compute due dates without asking. */
/** Schema v2 added `signOffsRequired`; a v1 event (before N-of-M sign-off) is upcast with 1. */
export type TeamRequired = Message<
  'TeamRequired',
  { launchId: string; teamId: string; targetDate: string; signOffsRequired: number }
>;
export type TeamReleased = Message<'TeamReleased', { launchId: string; teamId: string }>;
export type GoNoGoRecorded = Message<
  'GoNoGoRecorded',
  { launchId: string; decision: GoDecision; notes: string | null; by: string; at: string }
>;
/** Schema v2 added `quietPeriodHours` (hypercare exit criteria); a v1 event is upcast with 0. */
export type LaunchWentLive = Message<
  'LaunchWentLive',
  { launchId: string; at: string; hypercareDays: number; hypercareEndsAt: string; quietPeriodHours: number }
>;
/** Schema v2 added `quietPeriodHours`: null keeps the launch's current one (a v1 event is upcast with null). */
export type HypercareExtended = Message<
  'HypercareExtended',
  { launchId: string; days: number; hypercareEndsAt: string; quietPeriodHours: number | null }
>;
/**
 * Schema v2 added where the incident comes from: `source` (null when reported by hand), the id the
 * on-call tool gave it and a link to it there. A v1 event is upcast with three nulls.
 */
export type IncidentReported = Message<
  'IncidentReported',
  {
    launchId: string;
    incidentId: string;
    severity: Severity;
    title: string;
    by: string;
    at: string;
    source: IncidentSource | null;
    externalId: string | null;
    url: string | null;
  }
>;
/** The on-call tool says someone is on it; the incident stays open. */
export type IncidentAcknowledged = Message<
  'IncidentAcknowledged',
  { launchId: string; incidentId: string; by: string; at: string }
>;
export type IncidentSeverityChanged = Message<
  'IncidentSeverityChanged',
  {
    launchId: string;
    incidentId: string;
    severity: Severity;
    previousSeverity: Severity;
    by: string;
    at: string;
  }
>;
/**
 * Hypercare reached its end but the exit criteria did not hold, so the launch stays in HYPERCARE:
 * `code` is the refusal a close would get (LAUNCH.OPEN_CRITICAL_INCIDENTS or LAUNCH.NOT_QUIET).
 */
export type HypercareOverrun = Message<
  'HypercareOverrun',
  { launchId: string; hypercareEndsAt: string; code: string; reason: string; at: string }
>;
export type IncidentResolved = Message<
  'IncidentResolved',
  { launchId: string; incidentId: string; resolution: string | null; by: string; at: string }
>;
export type LaunchClosed = Message<'LaunchClosed', { launchId: string; at: string }>;
export type LaunchCancelled = Message<
  'LaunchCancelled',
  { launchId: string; reason: string | null; at: string }
>;
export type GatePolicySet = Message<
  'GatePolicySet',
  {
    launchId: string;
    environment: string;
    requireReady: boolean;
    minReadinessPercent: number;
    requireGoDecision: boolean;
  }
>;
export type GateEvaluated = Message<
  'GateEvaluated',
  {
    launchId: string;
    environment: string;
    decision: GateDecisionKind;
    reasons: string[];
    position: string;
    evaluatedAt: string;
    evaluatedBy: string;
  }
>;

export type LaunchEvent =
  | LaunchCreated
  | LaunchRescheduled
  | LaunchEdited
  | TeamRequired
  | TeamReleased
  | GoNoGoRecorded
  | LaunchWentLive
  | HypercareExtended
  | IncidentReported
  | IncidentResolved
  | IncidentAcknowledged
  | IncidentSeverityChanged
  | HypercareOverrun
  | LaunchClosed
  | LaunchCancelled
  | GatePolicySet
  | GateEvaluated;
export type LaunchEventType = LaunchEvent['type'];

/**
 * The lifecycle status after `event`, given the status before it (null: no launch yet). Shared by the
 * launches decider and by read models, so both follow the same lifecycle.
 */
export const launchStatusAfterEvent = (
  status: LaunchStatus | null,
  event: LaunchEvent,
): LaunchStatus | null => {
  switch (event.type) {
    case 'LaunchCreated':
      return 'PLANNING';
    case 'GoNoGoRecorded':
      // NO_GO keeps a planning launch in PLANNING and takes a GO launch back there.
      return event.data.decision === 'GO' ? 'GO' : 'PLANNING';
    case 'LaunchWentLive':
      return 'HYPERCARE';
    case 'LaunchClosed':
      return 'CLOSED';
    case 'LaunchCancelled':
      return 'CANCELLED';
    default:
      return status;
  }
};

/** The lifecycle status a launch stream ends in (null when it holds no launch). */
export const launchStatusAfter = (events: readonly LaunchEvent[]): LaunchStatus | null =>
  events.reduce<LaunchStatus | null>(launchStatusAfterEvent, null);
