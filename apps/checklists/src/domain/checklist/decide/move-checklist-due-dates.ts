import type { ChecklistEvent, MoveChecklistDueDates } from '@tminus/contracts';
import { requireOpenChecklist } from '../rules';
import type { ChecklistState } from '../state';
import { dueDateChanges, requireTargetDate } from './due-dates';

/**
 * The launch was rescheduled. Only items whose due date actually changes are listed; when none does,
 * nothing is recorded (also when only the target date differs: no item depends on it).
 */
export const decideMoveChecklistDueDates = (
  command: MoveChecklistDueDates,
  state: ChecklistState,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const targetDate = requireTargetDate(command.data.targetDate);
  const moved = dueDateChanges(checklist.items, targetDate);
  if (moved.length === 0) return [];
  return [
    {
      type: 'ChecklistDueDatesMoved',
      data: { checklistId: checklist.checklistId, targetDate, items: moved },
    },
  ];
};
