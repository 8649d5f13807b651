import { ErrorCodes, type AddChecklistItem, type ChecklistEvent } from '@tminus/contracts';
import { computeDueDate, parseInstant } from '../../shared/instant';
import { itemFieldProblems } from '../../shared/item-spec';
import { reject } from '../../shared/reject';
import { requireOpenChecklist, withdrawSignOff } from '../guards';
import { findItem, type ChecklistState } from '../state';

const normalizeDueDate = (dueDate: string | null | undefined): string | null => {
  if (dueDate == null) return null;
  return (
    parseInstant(dueDate)?.toISOString() ??
    reject(ErrorCodes.CHECKLIST_INVALID_ITEM, `The due date "${dueDate}" is not an ISO-8601 date`)
  );
};

/**
 * A hand-added item has an absolute due date (rescheduling leaves it alone), or an offset from the
 * target date (it moves with the launch like a template item), or none; never both.
 * A new required item means a signed-off checklist is no longer complete.
 */
export const decideAddChecklistItem = (
  command: AddChecklistItem,
  state: ChecklistState,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const { checklistId, itemId, title, description, required } = command.data;
  if (findItem(checklist, itemId)) {
    reject(
      ErrorCodes.CHECKLIST_ITEM_ALREADY_EXISTS,
      `Checklist ${checklistId} already has an item ${itemId}`,
    );
  }
  const dueDaysBeforeLaunch = command.data.dueDaysBeforeLaunch ?? null;
  const check = command.data.check ?? null;
  const problems = itemFieldProblems({ title, description, dueDaysBeforeLaunch, check }, `item ${itemId}`);
  if (dueDaysBeforeLaunch !== null && command.data.dueDate != null)
    problems.push('give a due date or a number of days before the launch, not both');
  if (problems.length > 0)
    reject(ErrorCodes.CHECKLIST_INVALID_ITEM, `Cannot add the item: ${problems.join('; ')}`);
  const dueDate =
    dueDaysBeforeLaunch === null
      ? normalizeDueDate(command.data.dueDate)
      : computeDueDate(checklist.targetDate, dueDaysBeforeLaunch);
  return [
    {
      type: 'ChecklistItemAdded',
      data: {
        checklistId,
        itemId,
        title: title.trim(),
        description: description ?? null,
        required,
        dueDate,
        dueDaysBeforeLaunch,
        ...(check === null ? {} : { check }),
      },
    },
    ...(required ? withdrawSignOff(checklist, 'REQUIRED_ITEM_ADDED', itemId) : []),
  ];
};
