import {
  ErrorCodes,
  INPUT_LIMITS,
  type ChecklistSignOffWithdrawn,
  type SignOffWithdrawalReason,
} from '@tminus/contracts';
import { parseInstant } from '../shared/instant';
import { reject } from '../shared/reject';
import {
  findItem,
  type ChecklistItem,
  type ChecklistState,
  type OpenChecklistState,
  type WaivedStatus,
} from './state';

/** The checklist, if it exists and is open: every item command starts here. */
export const requireOpenChecklist = (state: ChecklistState, checklistId: string): OpenChecklistState => {
  if (state.status === 'NONE')
    return reject(ErrorCodes.CHECKLIST_NOT_FOUND, `Checklist ${checklistId} does not exist`);
  if (state.status === 'CLOSED') {
    return reject(
      ErrorCodes.CHECKLIST_CLOSED,
      `Checklist ${checklistId} is closed: its team is no longer required`,
    );
  }
  return state;
};

export const requireItem = (checklist: OpenChecklistState, itemId: string): ChecklistItem =>
  findItem(checklist, itemId) ??
  reject(ErrorCodes.CHECKLIST_ITEM_NOT_FOUND, `Checklist ${checklist.checklistId} has no item ${itemId}`);

/** How an item is named in messages: its title and id. */
export const describeItem = (item: ChecklistItem): string => `"${item.title}" (${item.itemId})`;

/** A waiver has lapsed once its expiry is reached (expiresAt <= now); one without expiry never does. */
export const hasLapsed = (waiver: WaivedStatus, now: Date): boolean => {
  const expiresAt = parseInstant(waiver.expiresAt);
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
};

/** The sign-off withdrawal a change causes, when the checklist is signed off (none otherwise). */
export const withdrawSignOff = (
  checklist: OpenChecklistState,
  reason: SignOffWithdrawalReason,
  itemId: string | null,
): ChecklistSignOffWithdrawn[] =>
  checklist.signOffs.length === 0
    ? []
    : [{ type: 'ChecklistSignOffWithdrawn', data: { checklistId: checklist.checklistId, reason, itemId } }];

/** Trimmed free text (a reason, an owner), or INVALID_ITEM when blank. */
export const requireText = (value: string | null | undefined, what: string, maxLength: number): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) reject(ErrorCodes.CHECKLIST_INVALID_ITEM, `${what} must not be empty`);
  if (text.length > maxLength)
    reject(ErrorCodes.CHECKLIST_INVALID_ITEM, `${what} is longer than ${maxLength} characters`);
  return text;
};

export const MAX_REASON_LENGTH = INPUT_LIMITS.checklistReason;
