import { parseRfc3339 } from '@tminus/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant an RFC 3339 date or date-time denotes, or null when it is not one (or not on the calendar). */
export const parseInstant = (value: string | null | undefined): Date | null => {
  const parsed = parseRfc3339(value);
  return parsed.ok ? parsed.instant : null;
};

/** Two ISO strings (or nulls) denote the same instant, whatever their formatting. */
export const sameInstant = (a: string | null, b: string | null): boolean =>
  a === null || b === null ? a === b : parseInstant(a)?.getTime() === parseInstant(b)?.getTime();

/**
 * Due date of an item due `dueDaysBeforeLaunch` days before `targetDate` (whole UTC days, so the
 * time of day of the target date is kept); null when the item has no due offset.
 */
export const computeDueDate = (
  targetDate: string,
  dueDaysBeforeLaunch: number | null | undefined,
): string | null => {
  if (dueDaysBeforeLaunch == null) return null;
  const target = parseInstant(targetDate);
  if (target === null) throw new RangeError(`Not an ISO-8601 date: ${targetDate}`);
  return new Date(target.getTime() - dueDaysBeforeLaunch * DAY_MS).toISOString();
};
