import { INPUT_LIMITS, type AssignItemOwner, type ChecklistEvent } from '@tminus/contracts';
import { requireItem, requireOpenChecklist, requireText } from '../guards';
import type { ChecklistState } from '../state';

const MAX_USER_ID_LENGTH = INPUT_LIMITS.id;

/** `ownerUserId: null` clears the owner; assigning the current owner again changes nothing. */
export const decideAssignItemOwner = (command: AssignItemOwner, state: ChecklistState): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const item = requireItem(checklist, command.data.itemId);
  const ownerUserId =
    command.data.ownerUserId === null
      ? null
      : requireText(command.data.ownerUserId, 'The owner', MAX_USER_ID_LENGTH);
  if (item.ownerUserId === ownerUserId) return [];
  return [
    {
      type: 'ChecklistItemOwnerAssigned',
      data: { checklistId: checklist.checklistId, itemId: item.itemId, ownerUserId },
    },
  ];
};
