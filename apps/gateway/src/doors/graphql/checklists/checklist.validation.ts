import { z } from 'zod';
import { checkNameField } from '../../../core/validation/check-name';
import { field } from '../../../core/validation/fields';

export const addChecklistItemSchema = z.object({
  checklistId: field.id('checklistId'),
  title: field.title(),
  required: z.boolean(),
  dueDate: field.instant().nullish(),
  dueDaysBeforeLaunch: z.number().int().min(0).max(365).nullish(),
  description: field.itemDescription(),
  check: checkNameField().nullish(),
});

export const tickItemSchema = z.object({ itemId: field.id('itemId'), evidenceUrl: field.url().nullish() });

export const itemRefSchema = z.object({ itemId: field.id('itemId') });

export const waiveItemSchema = z.object({
  itemId: field.id('itemId'),
  reason: field.reason(),
  expiresAt: field.instant().nullish(),
});

export const assignItemSchema = z.object({ itemId: field.id('itemId'), owner: field.userId().nullish() });

export const rejectWaiverSchema = z.object({ itemId: field.id('itemId'), reason: field.reason() });

export const blockItemSchema = z.object({ itemId: field.id('itemId'), reason: field.reason() });

export const signOffSchema = z.object({ checklistId: field.id('checklistId') });
