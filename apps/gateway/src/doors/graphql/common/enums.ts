import { registerEnumType } from '@nestjs/graphql';
import {
  BLOCKER_CODES,
  GATE_DECISIONS,
  GO_DECISIONS,
  INCIDENT_SOURCES,
  ITEM_STATES,
  LAUNCH_STATUSES,
  ROLES,
  SEVERITIES,
  SUPPORT_STATUSES,
  TEAM_FUNCTIONS,
  TEAM_ROLES,
} from '@tminus/contracts';

/** A GraphQL enum object from a contracts list: values are the upper-case words clients send and see. */
const enumOf = <Value extends string>(values: readonly Value[]): { [Key in Value]: Key } =>
  Object.fromEntries(values.map((value) => [value, value])) as { [Key in Value]: Key };

export const TeamFunctionEnum = enumOf(TEAM_FUNCTIONS);
export const TeamRoleEnum = enumOf(TEAM_ROLES);
export const LaunchStatusEnum = enumOf(LAUNCH_STATUSES);
export const GoDecisionEnum = enumOf(GO_DECISIONS);
export const SeverityEnum = enumOf(SEVERITIES);
export const ItemStateEnum = enumOf(ITEM_STATES);
export const SupportStatusEnum = enumOf(SUPPORT_STATUSES);
export const GateDecisionKindEnum = enumOf(GATE_DECISIONS);
export const RoleEnum = enumOf(ROLES);
export const BlockerCodeEnum = enumOf(BLOCKER_CODES);
export const IncidentStatusEnum = enumOf(['OPEN', 'RESOLVED'] as const);
export const IncidentSourceEnum = enumOf(INCIDENT_SOURCES);
export const WaiverStatusEnum = enumOf(['REQUESTED', 'APPROVED', 'REJECTED', 'REVOKED', 'EXPIRED'] as const);
export const DueDateKindEnum = enumOf(['RELATIVE', 'ABSOLUTE', 'NONE'] as const);
export const ChecklistStatusEnum = enumOf(['OPEN', 'CLOSED'] as const);
export const ChecklistClosedReasonEnum = enumOf(['TEAM_RELEASED', 'LAUNCH_CANCELLED'] as const);

registerEnumType(TeamFunctionEnum, { name: 'TeamFunction', description: 'What a team does for a launch.' });
registerEnumType(TeamRoleEnum, { name: 'TeamRole', description: 'LEAD members may sign off checklists.' });
registerEnumType(LaunchStatusEnum, { name: 'LaunchStatus' });
registerEnumType(GoDecisionEnum, { name: 'GoDecision' });
registerEnumType(SeverityEnum, {
  name: 'Severity',
  description: 'SEV1 and SEV2 are critical: support is RED.',
});
registerEnumType(ItemStateEnum, { name: 'ItemState' });
registerEnumType(SupportStatusEnum, { name: 'SupportStatus' });
registerEnumType(GateDecisionKindEnum, { name: 'GateDecisionKind' });
registerEnumType(RoleEnum, { name: 'Role', description: 'What an API token may do.' });
registerEnumType(BlockerCodeEnum, { name: 'BlockerCode' });
registerEnumType(IncidentStatusEnum, { name: 'IncidentStatus' });
registerEnumType(IncidentSourceEnum, {
  name: 'IncidentSource',
  description: 'The on-call tool an incident came from (null on an incident reported by hand).',
});
registerEnumType(ChecklistStatusEnum, { name: 'ChecklistStatus' });
registerEnumType(DueDateKindEnum, {
  name: 'DueDateKind',
  description:
    'RELATIVE: due some days before the target date, moves with the launch; ABSOLUTE: a fixed date; NONE: no due date.',
});
registerEnumType(WaiverStatusEnum, {
  name: 'WaiverStatus',
  description: 'REQUESTED waits for someone else to approve; APPROVED waives the item until it lapses.',
});
registerEnumType(ChecklistClosedReasonEnum, { name: 'ChecklistClosedReason' });
