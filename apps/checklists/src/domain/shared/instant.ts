const DAY_MS = 24 * 60 * 60 * 1000;

// `new Date('1')` is a valid date (year 2001): insist on an ISO-8601 calendar date first.
const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/** The instant an ISO-8601 string denotes, or null when it is not one. */
export const parseInstant = (value: string | null | undefined): Date | null => {
  if (typeof value !== 'string' || !ISO_DATE_PREFIX.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
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
