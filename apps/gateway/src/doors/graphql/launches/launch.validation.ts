import { GO_DECISIONS, MAX_QUIET_PERIOD_HOURS, MAX_SIGN_OFFS_REQUIRED } from '@tminus/contracts';
import { z } from 'zod';
import { field } from '../../../core/validation/fields';

export const createLaunchSchema = z.object({
  key: field.key(),
  name: field.name(),
  targetDate: field.instant(),
  description: field.description(),
  owner: field.userId().nullish(),
});

export const rescheduleLaunchSchema = z.object({
  launchId: field.id('launchId'),
  targetDate: field.instant(),
});

export const editLaunchSchema = z
  .object({
    launchId: field.id('launchId'),
    name: field.name().nullish(),
    description: field.description(),
    owner: field.userId().nullish(),
  })
  .refine((input) => input.name != null || input.description !== undefined || input.owner !== undefined, {
    message: 'give at least one of name, description, owner',
    path: ['name'],
  });

export const launchTeamSchema = z.object({ launchId: field.id('launchId'), teamId: field.id('teamId') });

export const requireTeamSchema = launchTeamSchema.extend({
  signOffsRequired: z.number().int().min(1).max(MAX_SIGN_OFFS_REQUIRED).nullish(),
});

export const recordGoNoGoSchema = z.object({
  launchId: field.id('launchId'),
  decision: z.enum(GO_DECISIONS),
  notes: field.notes(),
});

const quietPeriodHours = () =>
  z
    .number()
    .int('quietPeriodHours must be a whole number')
    .min(0, 'quietPeriodHours must be at least 0')
    .max(MAX_QUIET_PERIOD_HOURS, `quietPeriodHours must be at most ${MAX_QUIET_PERIOD_HOURS}`)
    .nullish();

export const markLaunchedSchema = z.object({
  launchId: field.id('launchId'),
  hypercareDays: field.days('hypercareDays').nullish(),
  quietPeriodHours: quietPeriodHours(),
});

export const extendHypercareSchema = z.object({
  launchId: field.id('launchId'),
  days: field.days('days'),
  quietPeriodHours: quietPeriodHours(),
});

export const launchRefSchema = z.object({ launchId: field.id('launchId') });

export const cancelLaunchSchema = z.object({
  launchId: field.id('launchId'),
  reason: field.optionalReason(),
});
