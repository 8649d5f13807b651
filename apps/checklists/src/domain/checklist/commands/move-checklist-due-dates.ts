import type { ChecklistEvent, MoveChecklistDueDates } from '@tminus/contracts';
import { requireOpenChecklist } from '../guards';
import type { ChecklistState } from '../state';
import { sameInstant } from '../../shared/instant';
import { dueDateChanges, requireTargetDate } from '../due-dates';

/**
 * The launch was rescheduled. Only items whose due date actually changes are listed, but the new
 * target date is always recorded when it differs (an empty list then): items added later with an
 * offset are due relative to it. The same instant, however written, changes nothing.
 */
export const decideMoveChecklistDueDates = (
  command: MoveChecklistDueDates,
  state: ChecklistState,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const targetDate = requireTargetDate(command.data.targetDate);
  if (sameInstant(checklist.targetDate, targetDate)) return [];
  const moved = dueDateChanges(checklist.items, targetDate);
  return [
    {
      type: 'ChecklistDueDatesMoved',
      data: { checklistId: checklist.checklistId, targetDate, items: moved },
    },
  ];
};
