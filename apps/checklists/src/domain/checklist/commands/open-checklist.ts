import {
  ErrorCodes,
  MAX_SIGN_OFFS_REQUIRED,
  type ChecklistEvent,
  type ChecklistItemSnapshot,
  type OpenChecklist,
  type OpenedItemSpec,
} from '@tminus/contracts';
import { computeDueDate } from '../../shared/instant';
import { itemFieldProblems } from '../../shared/item-spec';
import { reject } from '../../shared/reject';
import type { ChecklistState, ClosedChecklistState } from '../state';
import { dueDateChanges, requireTargetDate } from '../due-dates';

const requireSignOffsRequired = (value: number | null | undefined): number => {
  if (value == null) return 1;
  if (Number.isInteger(value) && value >= 1 && value <= MAX_SIGN_OFFS_REQUIRED) return value;
  return reject(
    ErrorCodes.CHECKLIST_INVALID_SIGN_OFFS,
    `signOffsRequired must be a whole number from 1 to ${MAX_SIGN_OFFS_REQUIRED}, not ${value}`,
  );
};

const assertValidItems = (items: readonly OpenedItemSpec[]): void => {
  const seen = new Set<string>();
  const problems = items.flatMap((item, index) => {
    const label = `item ${index + 1} (${item.itemId})`;
    const duplicate = seen.has(item.itemId) ? [`${label}: the item id is used twice`] : [];
    seen.add(item.itemId);
    return [...duplicate, ...itemFieldProblems(item, label)];
  });
  if (problems.length > 0)
    reject(ErrorCodes.CHECKLIST_INVALID_ITEM, `Cannot open the checklist: ${problems.join('; ')}`);
};

const snapshot = (item: OpenedItemSpec, targetDate: string): ChecklistItemSnapshot => ({
  itemId: item.itemId,
  title: item.title,
  description: item.description ?? null,
  required: item.required,
  dueDate: computeDueDate(targetDate, item.dueDaysBeforeLaunch),
  dueDaysBeforeLaunch: item.dueDaysBeforeLaunch ?? null,
  // Only when the template names one, so checklists without owners look as they always did.
  ...(item.owner ? { ownerUserId: item.owner.trim() } : {}),
  ...(item.check ? { check: item.check } : {}),
});

/** A re-required team gets its old checklist back as it was; only the due dates follow the launch. */
const reopen = (
  checklist: ClosedChecklistState,
  targetDate: string,
  signOffsRequired: number,
): ChecklistEvent[] => {
  const { checklistId } = checklist;
  const moved = dueDateChanges(checklist.items, targetDate);
  return [
    { type: 'ChecklistReopened', data: { checklistId, targetDate, signOffsRequired } },
    ...(moved.length > 0
      ? [{ type: 'ChecklistDueDatesMoved' as const, data: { checklistId, targetDate, items: moved } }]
      : []),
  ];
};

/**
 * Opens the checklist with the items given (the service resolved the template and minted the item ids),
 * or reopens it when it was closed; the command's items are then ignored.
 */
export const decideOpenChecklist = (command: OpenChecklist, state: ChecklistState): ChecklistEvent[] => {
  const { checklistId, launchId, teamId, teamFunction, templateId, templateVersion, items } = command.data;
  const targetDate = requireTargetDate(command.data.targetDate);
  const signOffsRequired = requireSignOffsRequired(command.data.signOffsRequired);
  if (state.status === 'OPEN')
    reject(ErrorCodes.CHECKLIST_ALREADY_OPEN, `Checklist ${checklistId} is already open`);
  if (state.status === 'CLOSED') return reopen(state, targetDate, signOffsRequired);
  assertValidItems(items);
  return [
    {
      type: 'ChecklistOpened',
      data: {
        checklistId,
        launchId,
        teamId,
        teamFunction,
        templateId,
        templateVersion,
        targetDate,
        items: items.map((item) => snapshot(item, targetDate)),
        signOffsRequired,
      },
    },
  ];
};
