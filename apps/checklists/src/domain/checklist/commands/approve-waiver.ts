import { ErrorCodes, type ApproveWaiver, type ChecklistEvent, type DecideContext } from '@tminus/contracts';
import { reject } from '../../shared/reject';
import { requireItem, requireOpenChecklist } from '../guards';
import type { ChecklistState } from '../state';
import { requirePendingRequest } from '../waiver-request';
import { requireFutureExpiry } from './waive-item';

/**
 * The pending request → WAIVED. Someone other than the requester approves (the gateway lets only
 * launch managers and admins ask); an expiry that passed while the request waited is refused.
 */
export const decideApproveWaiver = (
  command: ApproveWaiver,
  state: ChecklistState,
  { now, actor }: DecideContext,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const item = requireItem(checklist, command.data.itemId);
  const request = requirePendingRequest(item);
  if (request.requestedBy === actor.userId) {
    reject(
      ErrorCodes.CHECKLIST_SELF_APPROVAL,
      `${actor.userId} requested this waiver and cannot approve it: someone else must`,
    );
  }
  const expiresAt = requireFutureExpiry(request.expiresAt, now);
  return [
    {
      type: 'ChecklistItemWaived',
      data: {
        checklistId: checklist.checklistId,
        itemId: item.itemId,
        reason: request.reason,
        requestedBy: request.requestedBy,
        approvedBy: actor.userId,
        expiresAt,
      },
    },
  ];
};
