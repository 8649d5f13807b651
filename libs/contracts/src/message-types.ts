import type { ChecklistCommand, ChecklistTemplateCommand } from './checklists/commands';
import type { ChecklistEventType } from './checklists/events';
import type { COMMAND_ACCEPTED, COMMAND_REJECTED } from './common/envelope';
import type { LaunchCommandType } from './launches/commands';
import type { LaunchEventType } from './launches/events';
import type { TeamCommandType } from './teams/commands';
import type { TeamEventType } from './teams/events';
import type { ServiceName } from './topics';

/*
 * Runtime lists of the command and event types (the unions in commands.ts / events.ts exist only as
 * types): for routing, and for checks such as "the AsyncAPI document names every message".
 */
export const TEAM_COMMAND_TYPES = [
  'CreateTeam',
  'RenameTeam',
  'AddTeamMember',
  'RemoveTeamMember',
] as const satisfies readonly TeamCommandType[];

export const CHECKLIST_TEMPLATE_COMMAND_TYPES = [
  'CreateChecklistTemplate',
] as const satisfies readonly ChecklistTemplateCommand['type'][];

export const CHECKLIST_COMMAND_TYPES = [
  'OpenChecklist',
  'MoveChecklistDueDates',
  'CloseChecklist',
  'AddChecklistItem',
  'AssignItemOwner',
  'TickItem',
  'UntickItem',
  'WaiveItem',
  'ApproveWaiver',
  'RejectWaiver',
  'RevokeWaiver',
  'ExpireWaiver',
  'BlockItem',
  'UnblockItem',
  'SignOffChecklist',
  'RecordCheckResult',
] as const satisfies readonly ChecklistCommand['type'][];

export const LAUNCH_COMMAND_TYPES = [
  'CreateLaunch',
  'RescheduleLaunch',
  'EditLaunch',
  'RequireTeam',
  'ReleaseTeam',
  'RecordGoNoGo',
  'MarkLaunched',
  'ExtendHypercare',
  'ReportIncident',
  'ResolveIncident',
  'RecordIncidentAlert',
  'EndHypercare',
  'CloseLaunch',
  'CancelLaunch',
  'SetGatePolicy',
  'RecordGateEvaluation',
] as const satisfies readonly LaunchCommandType[];

export const TEAM_EVENT_TYPES = [
  'TeamCreated',
  'TeamRenamed',
  'TeamMemberAdded',
  'TeamMemberRoleChanged',
  'TeamMemberRemoved',
] as const satisfies readonly TeamEventType[];

export const CHECKLIST_EVENT_TYPES = [
  'ChecklistTemplateCreated',
  'ChecklistTemplateRevised',
  'ChecklistOpened',
  'ChecklistReopened',
  'ChecklistDueDatesMoved',
  'ChecklistClosed',
  'ChecklistItemAdded',
  'ChecklistItemOwnerAssigned',
  'ChecklistItemTicked',
  'ChecklistItemEvidenceUpdated',
  'ChecklistItemUnticked',
  'ChecklistItemCheckFailed',
  'ChecklistItemWaiverRequested',
  'ChecklistItemWaived',
  'ChecklistItemWaiverRejected',
  'ChecklistItemWaiverRevoked',
  'ChecklistItemWaiverExpired',
  'ChecklistItemBlocked',
  'ChecklistItemUnblocked',
  'ChecklistSignedOff',
  'ChecklistSignOffWithdrawn',
] as const satisfies readonly ChecklistEventType[];

export const LAUNCH_EVENT_TYPES = [
  'LaunchCreated',
  'LaunchRescheduled',
  'LaunchEdited',
  'TeamRequired',
  'TeamReleased',
  'GoNoGoRecorded',
  'LaunchWentLive',
  'HypercareExtended',
  'IncidentReported',
  'IncidentResolved',
  'IncidentAcknowledged',
  'IncidentSeverityChanged',
  'HypercareOverrun',
  'LaunchClosed',
  'LaunchCancelled',
  'GatePolicySet',
  'GateEvaluated',
] as const satisfies readonly LaunchEventType[];

/** Outcomes outside any stream, published on every service's events topic. */
export const COMMAND_OUTCOME_TYPES = ['CommandRejected', 'CommandAccepted'] as const satisfies readonly (
  typeof COMMAND_REJECTED | typeof COMMAND_ACCEPTED
)[];

/** The event types each service's events topic carries (its own events and the command outcomes). */
export const EVENT_TYPES_BY_SERVICE: Readonly<Record<ServiceName, readonly string[]>> = {
  teams: [...TEAM_EVENT_TYPES, ...COMMAND_OUTCOME_TYPES],
  checklists: [...CHECKLIST_EVENT_TYPES, ...COMMAND_OUTCOME_TYPES],
  launches: [...LAUNCH_EVENT_TYPES, ...COMMAND_OUTCOME_TYPES],
};

/** The command types each service's command topic carries. */
export const COMMAND_TYPES_BY_SERVICE: Readonly<Record<ServiceName, readonly string[]>> = {
  teams: TEAM_COMMAND_TYPES,
  checklists: [...CHECKLIST_TEMPLATE_COMMAND_TYPES, ...CHECKLIST_COMMAND_TYPES],
  launches: LAUNCH_COMMAND_TYPES,
};

// Compile-time completeness: a command type added to a union but not to its list fails to typecheck here.
type Exhaustive<Missing extends never> = Missing;
export type _AllTeamCommandsListed = Exhaustive<
  Exclude<TeamCommandType, (typeof TEAM_COMMAND_TYPES)[number]>
>;
export type _AllTemplateCommandsListed = Exhaustive<
  Exclude<ChecklistTemplateCommand['type'], (typeof CHECKLIST_TEMPLATE_COMMAND_TYPES)[number]>
>;
export type _AllChecklistCommandsListed = Exhaustive<
  Exclude<ChecklistCommand['type'], (typeof CHECKLIST_COMMAND_TYPES)[number]>
>;
export type _AllTeamEventsListed = Exhaustive<Exclude<TeamEventType, (typeof TEAM_EVENT_TYPES)[number]>>;
export type _AllChecklistEventsListed = Exhaustive<
  Exclude<ChecklistEventType, (typeof CHECKLIST_EVENT_TYPES)[number]>
>;
export type _AllLaunchEventsListed = Exhaustive<
  Exclude<LaunchEventType, (typeof LAUNCH_EVENT_TYPES)[number]>
>;
export type _AllLaunchCommandsListed = Exhaustive<
  Exclude<LaunchCommandType, (typeof LAUNCH_COMMAND_TYPES)[number]>
>;
