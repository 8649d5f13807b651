import type { Message } from '../common/decider';
import { INPUT_LIMITS } from '../common/input-limits';
import type { GateDecisionKind } from './gate';
import type { IncidentAlertStatus, IncidentSource } from './incident-source';
import type { GoDecision, Severity } from './launch-status';

export type CreateLaunch = Message<
  'CreateLaunch',
  {
    launchId: string;
    key: string;
    name: string;
    targetDate: string;
    description?: string | null;
    ownerUserId?: string | null;
  }
>;
export type RescheduleLaunch = Message<'RescheduleLaunch', { launchId: string; targetDate: string }>;
export type EditLaunch = Message<
  'EditLaunch',
  { launchId: string; name?: string | null; description?: string | null; ownerUserId?: string | null }
>;
export const MAX_SIGN_OFFS_REQUIRED = INPUT_LIMITS.signOffsRequired;

/** `signOffsRequired`: how many distinct LEADs of the team must sign its checklist off (default 1). */
export type RequireTeam = Message<
  'RequireTeam',
  { launchId: string; teamId: string; signOffsRequired?: number | null }
>;
export type ReleaseTeam = Message<'ReleaseTeam', { launchId: string; teamId: string }>;
export type RecordGoNoGo = Message<
  'RecordGoNoGo',
  { launchId: string; decision: GoDecision; notes?: string | null }
>;
/** `quietPeriodHours`: hypercare exit criteria, hours without a SEV1/SEV2 before closing (default 0). */
export type MarkLaunched = Message<
  'MarkLaunched',
  { launchId: string; hypercareDays?: number | null; quietPeriodHours?: number | null }
>;
/** `quietPeriodHours` omitted: the launch keeps the one it has. */
export type ExtendHypercare = Message<
  'ExtendHypercare',
  { launchId: string; days: number; quietPeriodHours?: number | null }
>;
export type ReportIncident = Message<
  'ReportIncident',
  { launchId: string; incidentId: string; severity: Severity; title: string }
>;
export type ResolveIncident = Message<
  'ResolveIncident',
  { launchId: string; incidentId: string; resolution?: string | null }
>;
/**
 * An alert from an on-call tool, already mapped to its launch by the gateway. Idempotent by
 * (source, externalId): `incidentId` is used only when the pair is new.
 */
export type RecordIncidentAlert = Message<
  'RecordIncidentAlert',
  {
    launchId: string;
    incidentId: string;
    source: IncidentSource;
    externalId: string;
    status: IncidentAlertStatus;
    severity: Severity;
    title: string;
    url?: string | null;
  }
>;
/** The hypercare scheduler's command once `hypercareEndsAt` has passed: close, or record why not. */
export type EndHypercare = Message<'EndHypercare', { launchId: string }>;
/** Ends hypercare and closes the launch. */
export type CloseLaunch = Message<'CloseLaunch', { launchId: string }>;
export type CancelLaunch = Message<'CancelLaunch', { launchId: string; reason?: string | null }>;
export type SetGatePolicy = Message<
  'SetGatePolicy',
  {
    launchId: string;
    environment: string;
    requireReady: boolean;
    minReadinessPercent: number;
    requireGoDecision: boolean;
  }
>;
/** The audit of a gate evaluation made by a pipeline. */
export type RecordGateEvaluation = Message<
  'RecordGateEvaluation',
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

export type LaunchCommand =
  | CreateLaunch
  | RescheduleLaunch
  | EditLaunch
  | RequireTeam
  | ReleaseTeam
  | RecordGoNoGo
  | MarkLaunched
  | ExtendHypercare
  | ReportIncident
  | ResolveIncident
  | RecordIncidentAlert
  | EndHypercare
  | CloseLaunch
  | CancelLaunch
  | SetGatePolicy
  | RecordGateEvaluation;
export type LaunchCommandType = LaunchCommand['type'];
