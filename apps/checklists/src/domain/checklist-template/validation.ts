import { ErrorCodes, INPUT_LIMITS, type CreateChecklistTemplate } from '@tminus/contracts';
import { itemFieldProblems } from '../shared/item-spec';
import { reject } from '../shared/reject';

export const MAX_TEMPLATE_NAME_LENGTH = INPUT_LIMITS.name;
export const MAX_TEMPLATE_ITEMS = INPUT_LIMITS.templateItems;

/** Throws TEMPLATE.INVALID listing every problem, so a client can fix them in one go. */
export const assertValidTemplate = ({ name, items }: CreateChecklistTemplate['data']): void => {
  const problems: string[] = [];
  const trimmedName = typeof name === 'string' ? name.trim() : '';
  if (trimmedName.length === 0) problems.push('the name must not be empty');
  if (trimmedName.length > MAX_TEMPLATE_NAME_LENGTH) {
    problems.push(`the name is longer than ${MAX_TEMPLATE_NAME_LENGTH} characters`);
  }
  if (!Array.isArray(items)) {
    problems.push('items must be a list');
  } else if (items.length > MAX_TEMPLATE_ITEMS) {
    problems.push(`a template holds at most ${MAX_TEMPLATE_ITEMS} items (got ${items.length})`);
  } else {
    items.forEach((item, index) => problems.push(...itemFieldProblems(item, `item ${index + 1}`)));
  }
  if (problems.length > 0)
    reject(ErrorCodes.TEMPLATE_INVALID, `Invalid checklist template: ${problems.join('; ')}`);
};
