import type { ChecklistEventType } from './checklists/events';
import type { LaunchEventType } from './launches/events';
import type { TeamEventType } from './teams/events';

/**
 * The current schema version of every event type. Bump it when an event's shape changes and add an
 * upcaster (libs/event-store) that lifts the older version on read.
 */
export const EVENT_SCHEMA_VERSIONS: Readonly<
  Record<TeamEventType | ChecklistEventType | LaunchEventType | 'CommandRejected' | 'CommandAccepted', number>
> = {
  TeamCreated: 1,
  TeamRenamed: 1,
  TeamMemberAdded: 1,
  TeamMemberRoleChanged: 1,
  TeamMemberRemoved: 1,
  ChecklistTemplateCreated: 1,
  ChecklistTemplateRevised: 1,
  ChecklistOpened: 2,
  ChecklistReopened: 2,
  ChecklistDueDatesMoved: 1,
  ChecklistClosed: 1,
  ChecklistItemAdded: 1,
  ChecklistItemOwnerAssigned: 1,
  ChecklistItemTicked: 1,
  ChecklistItemEvidenceUpdated: 1,
  ChecklistItemUnticked: 1,
  ChecklistItemCheckFailed: 1,
  ChecklistItemWaiverRequested: 1,
  ChecklistItemWaived: 2,
  ChecklistItemWaiverRejected: 1,
  ChecklistItemWaiverRevoked: 1,
  ChecklistItemWaiverExpired: 1,
  ChecklistItemBlocked: 1,
  ChecklistItemUnblocked: 1,
  ChecklistSignedOff: 1,
  ChecklistSignOffWithdrawn: 1,
  LaunchCreated: 1,
  LaunchRescheduled: 1,
  LaunchEdited: 1,
  TeamRequired: 2,
  TeamReleased: 1,
  GoNoGoRecorded: 1,
  LaunchWentLive: 2,
  HypercareExtended: 2,
  IncidentReported: 2,
  IncidentResolved: 1,
  IncidentAcknowledged: 1,
  IncidentSeverityChanged: 1,
  HypercareOverrun: 1,
  LaunchClosed: 1,
  LaunchCancelled: 1,
  GatePolicySet: 1,
  GateEvaluated: 1,
  CommandRejected: 1,
  CommandAccepted: 1,
};

export const schemaVersionOf = (type: string): number =>
  (EVENT_SCHEMA_VERSIONS as Record<string, number>)[type] ?? 1;
