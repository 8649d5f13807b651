import { ErrorCodes } from '@tminus/contracts';
import { computeDueDate, parseInstant, sameInstant } from '../shared/instant';
import { reject } from '../shared/reject';
import type { ChecklistItem } from './state';

/** The launch's target date as a normalized ISO string, or CHECKLIST.INVALID_TARGET_DATE. */
export const requireTargetDate = (value: string): string =>
  parseInstant(value)?.toISOString() ??
  reject(ErrorCodes.CHECKLIST_INVALID_TARGET_DATE, `The target date "${value}" is not an ISO-8601 date`);

/**
 * The items whose due date changes with `targetDate`: only those due relative to the launch
 * (dueDaysBeforeLaunch set); hand-added items with explicit dates keep them.
 */
export const dueDateChanges = (
  items: readonly ChecklistItem[],
  targetDate: string,
): { itemId: string; dueDate: string | null }[] =>
  items
    .filter((item) => item.dueDaysBeforeLaunch != null)
    .map((item) => ({ item, dueDate: computeDueDate(targetDate, item.dueDaysBeforeLaunch) }))
    .filter(({ item, dueDate }) => !sameInstant(item.dueDate, dueDate))
    .map(({ item, dueDate }) => ({ itemId: item.itemId, dueDate }));
