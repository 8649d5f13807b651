export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_DUE_DAYS_BEFORE_LAUNCH = 365;

interface ItemFields {
  readonly title: string;
  readonly description?: string | null;
  readonly dueDaysBeforeLaunch?: number | null;
}

/** What is wrong with an item's fields, as sentences naming the item (empty when nothing is). */
export const itemFieldProblems = (item: ItemFields, label: string): string[] => {
  const problems: string[] = [];
  const title = typeof item.title === 'string' ? item.title.trim() : '';
  if (title.length === 0) problems.push(`${label}: the title must not be empty`);
  if (title.length > MAX_TITLE_LENGTH) {
    problems.push(`${label}: the title is longer than ${MAX_TITLE_LENGTH} characters`);
  }
  if (item.description != null && item.description.length > MAX_DESCRIPTION_LENGTH) {
    problems.push(`${label}: the description is longer than ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  const days = item.dueDaysBeforeLaunch;
  if (days != null && !(Number.isInteger(days) && days >= 0 && days <= MAX_DUE_DAYS_BEFORE_LAUNCH)) {
    problems.push(
      `${label}: dueDaysBeforeLaunch must be a whole number from 0 to ${MAX_DUE_DAYS_BEFORE_LAUNCH} (got ${days})`,
    );
  }
  return problems;
};
