import { ErrorCodes, type ChecklistEvent, type DecideContext, type UntickItem } from '@tminus/contracts';
import { reject } from '../../shared/reject';
import { describeItem, requireItem, requireOpenChecklist, withdrawSignOff } from '../guards';
import type { ChecklistState } from '../state';

/** DONE → OPEN; a required item going back to OPEN withdraws the team's sign-off. */
export const decideUntickItem = (
  command: UntickItem,
  state: ChecklistState,
  { actor }: DecideContext,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const item = requireItem(checklist, command.data.itemId);
  if (item.status.state !== 'DONE') {
    reject(
      ErrorCodes.CHECKLIST_ITEM_NOT_DONE,
      `Item ${describeItem(item)} is ${item.status.state}, not DONE`,
    );
  }
  return [
    {
      type: 'ChecklistItemUnticked',
      data: { checklistId: checklist.checklistId, itemId: item.itemId, by: actor.userId },
    },
    ...(item.required ? withdrawSignOff(checklist, 'REQUIRED_ITEM_UNTICKED', item.itemId) : []),
  ];
};
