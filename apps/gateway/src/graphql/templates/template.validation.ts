import { TEAM_FUNCTIONS } from '@tminus/contracts';
import { z } from 'zod';
import { checkNameField } from '../../checks/check-name';
import { field } from '../../validation/fields';

export const MAX_TEMPLATE_ITEMS = 200;

const templateItemSchema = z.object({
  title: field.title(),
  description: field.description(),
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
