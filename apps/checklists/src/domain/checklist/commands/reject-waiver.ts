import { type ChecklistEvent, type DecideContext, type RejectWaiver } from '@tminus/contracts';
import { MAX_REASON_LENGTH, requireItem, requireOpenChecklist, requireText } from '../guards';
import type { ChecklistState } from '../state';
import { requirePendingRequest } from '../waiver-request';

/** Drops the pending request, with a reason; the item keeps its state. */
export const decideRejectWaiver = (
  command: RejectWaiver,
  state: ChecklistState,
  { actor }: DecideContext,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const item = requireItem(checklist, command.data.itemId);
  requirePendingRequest(item);
  const reason = requireText(command.data.reason, 'The reason of a rejection', MAX_REASON_LENGTH);
  return [
    {
      type: 'ChecklistItemWaiverRejected',
      data: { checklistId: checklist.checklistId, itemId: item.itemId, reason, by: actor.userId },
    },
  ];
};
