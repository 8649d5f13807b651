import type { ChecklistView, LaunchView } from '../views';

const DAY_MS = 86_400_000;

const dueDateFor = (targetDate: string, days: number): number => Date.parse(targetDate) - days * DAY_MS;

/**
 * The checklists whose due dates a reschedule to `targetDate` moves: the checklists service moves the
 * open checklists of the required teams, and records `ChecklistDueDatesMoved` only where an item's due
 * date derives from the target date (`dueDaysBeforeLaunch`) and changes. The same rule, predicted here,
 * tells the gateway which outcomes a reschedule must wait for.
 */
export const checklistsMovedBy = (
  launch: LaunchView,
  checklists: readonly ChecklistView[],
  targetDate: string,
): string[] => {
  if (Date.parse(targetDate) === Date.parse(launch.targetDate)) return [];
  const required = new Set(launch.requiredTeamIds);
  return checklists
    .filter((checklist) => checklist.status === 'OPEN' && required.has(checklist.teamId))
    .filter((checklist) =>
      checklist.items.some(
        (item) =>
          item.dueDaysBeforeLaunch != null &&
          (item.dueDate === null ||
            Date.parse(item.dueDate) !== dueDateFor(targetDate, item.dueDaysBeforeLaunch)),
      ),
    )
    .map((checklist) => checklist.id);
};
