import type { Message } from '../common/decider';
import type { GateDecisionKind } from './gate';
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
export type LaunchWentLive = Message<
  'LaunchWentLive',
  { launchId: string; at: string; hypercareDays: number; hypercareEndsAt: string }
>;
export type HypercareExtended = Message<
  'HypercareExtended',
  { launchId: string; days: number; hypercareEndsAt: string }
>;
export type IncidentReported = Message<
  'IncidentReported',
  { launchId: string; incidentId: string; severity: Severity; title: string; by: string; at: string }
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
