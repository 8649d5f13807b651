import { INPUT_LIMITS, TEAM_FUNCTIONS } from '@tminus/contracts';
import { z } from 'zod';
import { checkNameField } from '../../../core/validation/check-name';
import { field } from '../../../core/validation/fields';

export const MAX_TEMPLATE_ITEMS = INPUT_LIMITS.templateItems;

const templateItemSchema = z.object({
  title: field.title(),
  description: field.itemDescription(),
  required: z.boolean(),
  dueDaysBeforeLaunch: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(365, 'must be at most 365')
    .nullish(),
  owner: field.userId().nullish(),
  check: checkNameField().nullish(),
});

export const createTemplateSchema = z.object({
  function: z.enum(TEAM_FUNCTIONS),
  name: field.name(),
  items: z.array(templateItemSchema).max(MAX_TEMPLATE_ITEMS, `at most ${MAX_TEMPLATE_ITEMS} items`),
});
