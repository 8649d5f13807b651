import { ErrorCodes, type ChecklistEvent, type DecideContext, type RevokeWaiver } from '@tminus/contracts';
import { reject } from '../../shared/reject';
import { describeItem, requireItem, requireOpenChecklist, withdrawSignOff } from '../guards';
import type { ChecklistState } from '../state';

/** WAIVED → OPEN; a required item losing its waiver withdraws the sign-off. */
export const decideRevokeWaiver = (
  command: RevokeWaiver,
  state: ChecklistState,
  { actor }: DecideContext,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const item = requireItem(checklist, command.data.itemId);
  if (item.status.state !== 'WAIVED') {
    reject(
      ErrorCodes.CHECKLIST_ITEM_NOT_WAIVED,
      `Item ${describeItem(item)} is ${item.status.state}, not WAIVED`,
    );
  }
  return [
    {
      type: 'ChecklistItemWaiverRevoked',
      data: { checklistId: checklist.checklistId, itemId: item.itemId, by: actor.userId },
    },
    ...(item.required ? withdrawSignOff(checklist, 'WAIVER_REVOKED', item.itemId) : []),
  ];
};
