import type { Message } from '../common/decider';
import type { GateDecisionKind } from './gate';
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
export const MAX_SIGN_OFFS_REQUIRED = 20;

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
export type MarkLaunched = Message<'MarkLaunched', { launchId: string; hypercareDays?: number | null }>;
export type ExtendHypercare = Message<'ExtendHypercare', { launchId: string; days: number }>;
export type ReportIncident = Message<
  'ReportIncident',
  { launchId: string; incidentId: string; severity: Severity; title: string }
>;
export type ResolveIncident = Message<
  'ResolveIncident',
  { launchId: string; incidentId: string; resolution?: string | null }
>;
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
  | CloseLaunch
  | CancelLaunch
  | SetGatePolicy
  | RecordGateEvaluation;
export type LaunchCommandType = LaunchCommand['type'];
