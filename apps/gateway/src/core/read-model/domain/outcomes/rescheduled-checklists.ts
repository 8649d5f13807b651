import type { ChecklistView, LaunchView } from '../views';

/**
 * The checklists whose due dates a reschedule to `targetDate` moves: the checklists service moves the
 * open checklists of the required teams, and records `ChecklistDueDatesMoved` on each whose target date
 * differs (its items due relative to the launch move with it). The same rule, predicted here, tells the
 * gateway which outcomes a reschedule must wait for.
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
    .filter((checklist) => Date.parse(checklist.targetDate) !== Date.parse(targetDate))
    .map((checklist) => checklist.id);
};
