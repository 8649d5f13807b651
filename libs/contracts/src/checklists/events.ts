import type { Message } from '../common/decider';
import type { TeamFunction } from '../teams/team-function';
import type { TemplateItemSpec } from './commands';

export const ITEM_STATES = ['OPEN', 'DONE', 'WAIVED', 'BLOCKED'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export type ChecklistTemplateCreated = Message<
  'ChecklistTemplateCreated',
  { templateId: string; function: TeamFunction; name: string; version: number; items: TemplateItemSpec[] }
>;
export type ChecklistTemplateRevised = Message<
  'ChecklistTemplateRevised',
  { templateId: string; function: TeamFunction; name: string; version: number; items: TemplateItemSpec[] }
>;

export interface ChecklistItemSnapshot {
  itemId: string;
  title: string;
  description: string | null;
  required: boolean;
  dueDate: string | null;
  dueDaysBeforeLaunch: number | null;
  /** The owner a template gave the item (absent: nobody); later changes are ChecklistItemOwnerAssigned. */
  ownerUserId?: string | null;
  /** The CI check that ticks and reopens the item (absent in events written before checks: none). */
  check?: string | null;
}

export type ChecklistOpened = Message<
  'ChecklistOpened',
  {
    checklistId: string;
    launchId: string;
    teamId: string;
    teamFunction: TeamFunction | null;
    templateId: string | null;
    templateVersion: number | null;
    targetDate: string;
    items: ChecklistItemSnapshot[];
    /** Schema v2: distinct LEADs whose sign-off is needed (a v1 event is upcast with 1). */
    signOffsRequired: number;
  }
>;
/**
 * A re-required team gets its old checklist back, with the state it had and the number of sign-offs
 * asked for this time (schema v2; a v1 event is upcast with 1).
 */
export type ChecklistReopened = Message<
  'ChecklistReopened',
  { checklistId: string; targetDate: string; signOffsRequired: number }
>;
export type ChecklistDueDatesMoved = Message<
  'ChecklistDueDatesMoved',
  { checklistId: string; targetDate: string; items: { itemId: string; dueDate: string | null }[] }
>;
export type ChecklistClosed = Message<
  'ChecklistClosed',
  { checklistId: string; reason: 'TEAM_RELEASED' | 'LAUNCH_CANCELLED' }
>;
export type ChecklistItemAdded = Message<
  'ChecklistItemAdded',
  { checklistId: string } & ChecklistItemSnapshot
>;
export type ChecklistItemOwnerAssigned = Message<
  'ChecklistItemOwnerAssigned',
  { checklistId: string; itemId: string; ownerUserId: string | null }
>;
export type ChecklistItemTicked = Message<
  'ChecklistItemTicked',
  { checklistId: string; itemId: string; by: string; at: string; evidenceUrl: string | null }
>;
/** A DONE item ticked again with other evidence: the evidence changes, the item (and sign-off) stay. */
export type ChecklistItemEvidenceUpdated = Message<
  'ChecklistItemEvidenceUpdated',
  { checklistId: string; itemId: string; evidenceUrl: string; by: string; at: string }
>;
/**
 * A CI check of the item failed: the item is OPEN (a DONE one is reopened) and says which check failed
 * where, until it is ticked again (by a passing check or by hand).
 */
export type ChecklistItemCheckFailed = Message<
  'ChecklistItemCheckFailed',
  { checklistId: string; itemId: string; check: string; url: string | null; by: string; at: string }
>;
export type ChecklistItemUnticked = Message<
  'ChecklistItemUnticked',
  { checklistId: string; itemId: string; by: string }
>;
/** A waiver someone asked for: the item keeps its state until someone else approves or rejects it. */
export type ChecklistItemWaiverRequested = Message<
  'ChecklistItemWaiverRequested',
  { checklistId: string; itemId: string; reason: string; requestedBy: string; expiresAt: string | null }
>;
/**
 * An approved waiver: the item is WAIVED. Schema v2 added `requestedBy`; a v1 event (written when
 * waivers took effect at once) is upcast with the approver as its requester.
 */
export type ChecklistItemWaived = Message<
  'ChecklistItemWaived',
  {
    checklistId: string;
    itemId: string;
    reason: string;
    requestedBy: string;
    approvedBy: string;
    expiresAt: string | null;
  }
>;
export type ChecklistItemWaiverRejected = Message<
  'ChecklistItemWaiverRejected',
  { checklistId: string; itemId: string; reason: string; by: string }
>;
export type ChecklistItemWaiverRevoked = Message<
  'ChecklistItemWaiverRevoked',
  { checklistId: string; itemId: string; by: string }
>;
export type ChecklistItemWaiverExpired = Message<
  'ChecklistItemWaiverExpired',
  { checklistId: string; itemId: string; expiredAt: string }
>;
export type ChecklistItemBlocked = Message<
  'ChecklistItemBlocked',
  { checklistId: string; itemId: string; reason: string; by: string }
>;
export type ChecklistItemUnblocked = Message<
  'ChecklistItemUnblocked',
  { checklistId: string; itemId: string; by: string }
>;
export type ChecklistSignedOff = Message<
  'ChecklistSignedOff',
  { checklistId: string; by: string; at: string }
>;
export const SIGN_OFF_WITHDRAWAL_REASONS = [
  'REQUIRED_ITEM_UNTICKED',
  'WAIVER_REVOKED',
  'WAIVER_EXPIRED',
  'ITEM_BLOCKED',
  'REQUIRED_ITEM_ADDED',
] as const;
export type SignOffWithdrawalReason = (typeof SIGN_OFF_WITHDRAWAL_REASONS)[number];
export type ChecklistSignOffWithdrawn = Message<
  'ChecklistSignOffWithdrawn',
  { checklistId: string; reason: SignOffWithdrawalReason; itemId: string | null }
>;

export type ChecklistTemplateEvent = ChecklistTemplateCreated | ChecklistTemplateRevised;
export type ChecklistEvent =
  | ChecklistOpened
  | ChecklistReopened
  | ChecklistDueDatesMoved
  | ChecklistClosed
  | ChecklistItemAdded
  | ChecklistItemOwnerAssigned
  | ChecklistItemTicked
  | ChecklistItemEvidenceUpdated
  | ChecklistItemUnticked
  | ChecklistItemCheckFailed
  | ChecklistItemWaiverRequested
  | ChecklistItemWaived
  | ChecklistItemWaiverRejected
  | ChecklistItemWaiverRevoked
  | ChecklistItemWaiverExpired
  | ChecklistItemBlocked
  | ChecklistItemUnblocked
  | ChecklistSignedOff
  | ChecklistSignOffWithdrawn;
export type ChecklistEventType = ChecklistEvent['type'] | ChecklistTemplateEvent['type'];
