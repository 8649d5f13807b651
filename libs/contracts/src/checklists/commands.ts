import type { Message } from '../common/decider';
import type { TeamFunction, TeamRole } from '../teams/team-function';

export interface TemplateItemSpec {
  title: string;
  description?: string | null;
  required: boolean;
  /** Due this many days before the launch's target date (null: no due date). */
  dueDaysBeforeLaunch?: number | null;
  /** The user who owns the item on every checklist opened from the template (null: nobody). */
  owner?: string | null;
  /** The CI check whose results tick and reopen the item (e.g. `e2e-tests`; null: none). */
  check?: string | null;
}

/** Creates the template of a function, or a new version of it if one exists. */
export type CreateChecklistTemplate = Message<
  'CreateChecklistTemplate',
  { templateId: string; function: TeamFunction; name: string; items: TemplateItemSpec[] }
>;

export interface OpenedItemSpec extends TemplateItemSpec {
  itemId: string;
}

/** Sent by the checklists service to itself when a team becomes required for a launch. */
export type OpenChecklist = Message<
  'OpenChecklist',
  {
    checklistId: string;
    launchId: string;
    teamId: string;
    teamFunction: TeamFunction | null;
    templateId: string | null;
    templateVersion: number | null;
    targetDate: string;
    items: OpenedItemSpec[];
    /** Distinct LEADs whose sign-off makes the checklist signed off (default 1). */
    signOffsRequired?: number | null;
  }
>;
export type MoveChecklistDueDates = Message<
  'MoveChecklistDueDates',
  { checklistId: string; targetDate: string }
>;
export type CloseChecklist = Message<
  'CloseChecklist',
  { checklistId: string; reason: 'TEAM_RELEASED' | 'LAUNCH_CANCELLED' }
>;
export type AddChecklistItem = Message<
  'AddChecklistItem',
  {
    checklistId: string;
    itemId: string;
    title: string;
    description?: string | null;
    required: boolean;
    /** An absolute due date: it stays put when the launch is rescheduled. */
    dueDate?: string | null;
    /** Or due this many days before the target date: it moves with the launch. Not both. */
    dueDaysBeforeLaunch?: number | null;
    /** The CI check whose results tick and reopen the item (null: none). */
    check?: string | null;
  }
>;
export type AssignItemOwner = Message<
  'AssignItemOwner',
  { checklistId: string; itemId: string; ownerUserId: string | null }
>;
export type TickItem = Message<
  'TickItem',
  { checklistId: string; itemId: string; evidenceUrl?: string | null }
>;
export type UntickItem = Message<'UntickItem', { checklistId: string; itemId: string }>;
export type WaiveItem = Message<
  'WaiveItem',
  { checklistId: string; itemId: string; reason: string; expiresAt?: string | null }
>;
/** Approves the item's pending waiver request; nobody approves their own. */
export type ApproveWaiver = Message<'ApproveWaiver', { checklistId: string; itemId: string }>;
export type RejectWaiver = Message<'RejectWaiver', { checklistId: string; itemId: string; reason: string }>;
export type RevokeWaiver = Message<'RevokeWaiver', { checklistId: string; itemId: string }>;
/**
 * Sent by the service's scheduler once a waiver's expiry has passed. `expiresAt` is the expiry it was
 * scheduled for: if the item now carries a waiver with another expiry, that one replaced it (no-op).
 */
export type ExpireWaiver = Message<
  'ExpireWaiver',
  { checklistId: string; itemId: string; expiresAt?: string | null }
>;
/**
 * A CI result for every item of the checklist that names `check` (POST /v1/checks): passed ticks them
 * (the url as evidence), failed reopens them and records the failure. The same result again changes nothing.
 */
export type RecordCheckResult = Message<
  'RecordCheckResult',
  { checklistId: string; check: string; status: CheckStatus; url?: string | null }
>;
export const CHECK_STATUSES = ['passed', 'failed'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
export { CHECK_NAME } from '../common/input-limits';
export type BlockItem = Message<'BlockItem', { checklistId: string; itemId: string; reason: string }>;
export type UnblockItem = Message<'UnblockItem', { checklistId: string; itemId: string }>;
/**
 * `signerTeamRole` is filled in by the service from its own view of team membership
 * (null when the actor is not a member), so the decider stays pure.
 */
export type SignOffChecklist = Message<
  'SignOffChecklist',
  { checklistId: string; signerTeamRole?: TeamRole | null }
>;

export type ChecklistTemplateCommand = CreateChecklistTemplate;
export type ChecklistCommand =
  | OpenChecklist
  | MoveChecklistDueDates
  | CloseChecklist
  | AddChecklistItem
  | AssignItemOwner
  | TickItem
  | UntickItem
  | WaiveItem
  | ApproveWaiver
  | RejectWaiver
  | RevokeWaiver
  | ExpireWaiver
  | BlockItem
  | UnblockItem
  | SignOffChecklist
  | RecordCheckResult;
export type ChecklistCommandType = ChecklistCommand['type'] | ChecklistTemplateCommand['type'];
