import { ErrorCodes, type ChecklistEvent, type CloseChecklist } from '@tminus/contracts';
import { reject } from '../../shared/reject';
import type { ChecklistState } from '../state';

/** Closing twice is a no-op: the reactions that close checklists are delivered at least once. */
export const decideCloseChecklist = (command: CloseChecklist, state: ChecklistState): ChecklistEvent[] => {
  const { checklistId, reason } = command.data;
  if (state.status === 'NONE')
    reject(ErrorCodes.CHECKLIST_NOT_FOUND, `Checklist ${checklistId} does not exist`);
  if (state.status === 'CLOSED') return [];
  return [{ type: 'ChecklistClosed', data: { checklistId, reason } }];
};
