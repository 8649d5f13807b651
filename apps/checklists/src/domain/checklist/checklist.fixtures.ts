// Shared givens for the checklist specs: one checklist with a required, an optional and a hand-added item.
import {
  checklistIdFor,
  type Actor,
  type ChecklistEvent,
  type ChecklistItemSnapshot,
  type DecideContext,
} from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { checklistDecider } from './checklist.decider';

export const spec = deciderSpec(checklistDecider);

export const LAUNCH_ID = 'launch-1';
export const TEAM_ID = 'team-1';
export const CHECKLIST_ID = checklistIdFor(LAUNCH_ID, TEAM_ID);
export const NOW = new Date('2026-01-01T00:00:00.000Z');
export const TARGET_DATE = '2026-03-01T09:00:00.000Z';
export const LATER_TARGET_DATE = '2026-03-11T09:00:00.000Z';
export const IN_A_WEEK = '2026-01-08T00:00:00.000Z';
export const YESTERDAY = '2025-12-31T00:00:00.000Z';

export const at = (now: Date, actor: Actor = ADMIN): { context: DecideContext } => ({
  context: { now, actor },
});
export const ADMIN: Actor = { userId: 'alice', role: 'ADMIN' };
export const MEMBER: Actor = { userId: 'mia', role: 'TEAM_MEMBER' };
export const MANAGER: Actor = { userId: 'max', role: 'LAUNCH_MANAGER' };

export const REQUIRED: ChecklistItemSnapshot = {
  itemId: 'item-required',
  title: 'Security review',
  description: 'Threat model reviewed',
  required: true,
  dueDate: '2026-02-22T09:00:00.000Z',
  dueDaysBeforeLaunch: 7,
};
export const OPTIONAL: ChecklistItemSnapshot = {
  itemId: 'item-optional',
  title: 'Blog post',
  description: null,
  required: false,
  dueDate: null,
  dueDaysBeforeLaunch: null,
};
export const HAND_ADDED: ChecklistItemSnapshot = {
  itemId: 'item-hand',
  title: 'Pen test sign-off',
  description: null,
  required: true,
  dueDate: '2026-02-01T00:00:00.000Z',
  dueDaysBeforeLaunch: null,
};

const data = { checklistId: CHECKLIST_ID };

export const opened = (
  items: ChecklistItemSnapshot[] = [REQUIRED, OPTIONAL],
  signOffsRequired = 1,
): ChecklistEvent => ({
  type: 'ChecklistOpened',
  data: {
    ...data,
    launchId: LAUNCH_ID,
    teamId: TEAM_ID,
    teamFunction: 'SECURITY',
    templateId: 'template-security',
    templateVersion: 2,
    targetDate: TARGET_DATE,
    items,
    signOffsRequired,
  },
});
export const handAdded = (item: ChecklistItemSnapshot = HAND_ADDED): ChecklistEvent => ({
  type: 'ChecklistItemAdded',
  data: { ...data, ...item },
});
export const closed = (): ChecklistEvent => ({
  type: 'ChecklistClosed',
  data: { ...data, reason: 'TEAM_RELEASED' },
});
export const reopened = (targetDate = TARGET_DATE, signOffsRequired = 1): ChecklistEvent => ({
  type: 'ChecklistReopened',
  data: { ...data, targetDate, signOffsRequired },
});
export const ticked = (itemId: string, evidenceUrl: string | null = null): ChecklistEvent => ({
  type: 'ChecklistItemTicked',
  data: { ...data, itemId, by: 'alice', at: NOW.toISOString(), evidenceUrl },
});
export const unticked = (itemId: string, by = 'alice'): ChecklistEvent => ({
  type: 'ChecklistItemUnticked',
  data: { ...data, itemId, by },
});
export const WAIVER_REASON = 'Covered by the platform audit';
export const waiverRequested = (
  itemId: string,
  expiresAt: string | null = null,
  requestedBy = 'mia',
): ChecklistEvent => ({
  type: 'ChecklistItemWaiverRequested',
  data: { ...data, itemId, reason: WAIVER_REASON, requestedBy, expiresAt },
});
export const waiverRejected = (itemId: string, reason: string, by = 'max'): ChecklistEvent => ({
  type: 'ChecklistItemWaiverRejected',
  data: { ...data, itemId, reason, by },
});
export const waived = (
  itemId: string,
  expiresAt: string | null = null,
  approvedBy = 'alice',
  requestedBy = 'mia',
): ChecklistEvent => ({
  type: 'ChecklistItemWaived',
  data: { ...data, itemId, reason: WAIVER_REASON, requestedBy, approvedBy, expiresAt },
});
export const waiverRevoked = (itemId: string): ChecklistEvent => ({
  type: 'ChecklistItemWaiverRevoked',
  data: { ...data, itemId, by: 'alice' },
});
export const waiverExpired = (itemId: string, expiredAt: string): ChecklistEvent => ({
  type: 'ChecklistItemWaiverExpired',
  data: { ...data, itemId, expiredAt },
});
export const blocked = (itemId: string, reason = 'Waiting for the vendor'): ChecklistEvent => ({
  type: 'ChecklistItemBlocked',
  data: { ...data, itemId, reason, by: 'alice' },
});
export const unblocked = (itemId: string): ChecklistEvent => ({
  type: 'ChecklistItemUnblocked',
  data: { ...data, itemId, by: 'alice' },
});
export const signedOff = (by = 'alice'): ChecklistEvent => ({
  type: 'ChecklistSignedOff',
  data: { ...data, by, at: NOW.toISOString() },
});
export const signOffWithdrawn = (
  reason: Extract<ChecklistEvent, { type: 'ChecklistSignOffWithdrawn' }>['data']['reason'],
  itemId: string | null,
): ChecklistEvent => ({ type: 'ChecklistSignOffWithdrawn', data: { ...data, reason, itemId } });

/** A checklist complete enough to be signed off: the required item done, then signed off. */
export const signedOffChecklist = (): ChecklistEvent[] => [opened(), ticked(REQUIRED.itemId), signedOff()];
