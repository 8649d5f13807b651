import { ErrorCodes, type ChecklistEvent, type DecideContext, type WaiveItem } from '@tminus/contracts';
import { parseInstant } from '../../shared/instant';
import { reject } from '../../shared/reject';
import {
  describeItem,
  hasLapsed,
  MAX_REASON_LENGTH,
  requireItem,
  requireOpenChecklist,
  requireText,
} from '../guards';
import type { ChecklistState } from '../state';
import { waiverLapse } from '../waiver-lapse';

export const requireFutureExpiry = (expiresAt: string | null | undefined, now: Date): string | null => {
  if (expiresAt == null) return null;
  const instant = parseInstant(expiresAt);
  if (instant === null)
    reject(ErrorCodes.CHECKLIST_INVALID_EXPIRY, `The expiry "${expiresAt}" is not an ISO-8601 date`);
  if (instant.getTime() <= now.getTime()) {
    reject(
      ErrorCodes.CHECKLIST_INVALID_EXPIRY,
      `The expiry ${expiresAt} is not in the future (now: ${now.toISOString()})`,
    );
  }
  return instant.toISOString();
};

/**
 * Records a waiver request on an OPEN or BLOCKED item; it takes effect only once someone else approves
 * it (approve-waiver.ts). A waiver that has lapsed but whose expiry the scheduler has not processed yet
 * may be asked for again: the lapse is recorded first (withdrawing a sign-off if the item is required),
 * so a sign-off never silently survives a lapse.
 */
export const decideWaiveItem = (
  command: WaiveItem,
  state: ChecklistState,
  { now, actor }: DecideContext,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const item = requireItem(checklist, command.data.itemId);
  const { status } = item;
  if (status.state === 'DONE')
    reject(ErrorCodes.CHECKLIST_ITEM_ALREADY_DONE, `Item ${describeItem(item)} is already done`);
  const lapse =
    status.state === 'WAIVED' && status.expiresAt !== null && hasLapsed(status, now)
      ? waiverLapse(checklist, item, { ...status, expiresAt: status.expiresAt })
      : [];
  if (status.state === 'WAIVED' && lapse.length === 0) {
    reject(ErrorCodes.CHECKLIST_ITEM_ALREADY_WAIVED, `Item ${describeItem(item)} is already waived`);
  }
  if (item.waiverRequest !== null) {
    reject(
      ErrorCodes.CHECKLIST_WAIVER_ALREADY_REQUESTED,
      `A waiver of item ${describeItem(item)} was already requested by ${item.waiverRequest.requestedBy}`,
    );
  }
  const reason = requireText(command.data.reason, 'The reason of a waiver', MAX_REASON_LENGTH);
  const expiresAt = requireFutureExpiry(command.data.expiresAt, now);
  return [
    ...lapse,
    {
      type: 'ChecklistItemWaiverRequested',
      data: {
        checklistId: checklist.checklistId,
        itemId: item.itemId,
        reason,
        requestedBy: actor.userId,
        expiresAt,
      },
    },
  ];
};
