import { CHECK_NAME, INPUT_LIMITS } from '@tminus/contracts';

export const MAX_TITLE_LENGTH = INPUT_LIMITS.name;
export const MAX_DESCRIPTION_LENGTH = INPUT_LIMITS.itemDescription;
export const MAX_DUE_DAYS_BEFORE_LAUNCH = INPUT_LIMITS.dueDaysBeforeLaunch;

interface ItemFields {
  readonly title: string;
  readonly description?: string | null;
  readonly dueDaysBeforeLaunch?: number | null;
  readonly owner?: string | null;
  readonly check?: string | null;
}

export const MAX_OWNER_LENGTH = INPUT_LIMITS.id;

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
  if (item.owner != null && (typeof item.owner !== 'string' || item.owner.trim().length === 0)) {
    problems.push(`${label}: the owner must be a user id (or left out)`);
  } else if (item.owner != null && item.owner.length > MAX_OWNER_LENGTH) {
    problems.push(`${label}: the owner is longer than ${MAX_OWNER_LENGTH} characters`);
  }
  if (item.check != null && !(typeof item.check === 'string' && CHECK_NAME.test(item.check))) {
    problems.push(
      `${label}: the check must be a name of lower-case letters, digits, '.', '_' or '-' (at most 64), e.g. e2e-tests`,
    );
  }
  return problems;
};
