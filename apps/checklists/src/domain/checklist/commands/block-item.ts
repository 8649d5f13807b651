import { ErrorCodes, type BlockItem, type ChecklistEvent, type DecideContext } from '@tminus/contracts';
import { reject } from '../../shared/reject';
import {
  describeItem,
  MAX_REASON_LENGTH,
  requireItem,
  requireOpenChecklist,
  requireText,
  withdrawSignOff,
} from '../guards';
import type { ChecklistState } from '../state';

/**
 * OPEN or WAIVED → BLOCKED (a block replaces a waiver). Any blocked item, required or not, makes the
 * team not ready, so it withdraws the sign-off.
 */
export const decideBlockItem = (
  command: BlockItem,
  state: ChecklistState,
  { actor }: DecideContext,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const item = requireItem(checklist, command.data.itemId);
  if (item.status.state === 'DONE') {
    reject(
      ErrorCodes.CHECKLIST_ITEM_ALREADY_DONE,
      `Item ${describeItem(item)} is done: untick it before blocking it`,
    );
  }
  if (item.status.state === 'BLOCKED') {
    reject(ErrorCodes.CHECKLIST_ITEM_ALREADY_BLOCKED, `Item ${describeItem(item)} is already blocked`);
  }
  const reason = requireText(command.data.reason, 'The reason of a block', MAX_REASON_LENGTH);
  return [
    {
      type: 'ChecklistItemBlocked',
      data: { checklistId: checklist.checklistId, itemId: item.itemId, reason, by: actor.userId },
    },
    ...withdrawSignOff(checklist, 'ITEM_BLOCKED', item.itemId),
  ];
};
