import { ErrorCodes, type ChecklistEvent, type DecideContext, type UnblockItem } from '@tminus/contracts';
import { reject } from '../../shared/reject';
import { describeItem, requireItem, requireOpenChecklist } from '../guards';
import type { ChecklistState } from '../state';

/** BLOCKED → OPEN (a waiver the block replaced does not come back). */
export const decideUnblockItem = (
  command: UnblockItem,
  state: ChecklistState,
  { actor }: DecideContext,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const item = requireItem(checklist, command.data.itemId);
  if (item.status.state !== 'BLOCKED') {
    reject(
      ErrorCodes.CHECKLIST_ITEM_NOT_BLOCKED,
      `Item ${describeItem(item)} is ${item.status.state}, not BLOCKED`,
    );
  }
  return [
    {
      type: 'ChecklistItemUnblocked',
      data: { checklistId: checklist.checklistId, itemId: item.itemId, by: actor.userId },
    },
  ];
};
