import { ENVIRONMENT_PATTERN, INPUT_LIMITS, SLUG_PATTERN } from '@tminus/contracts';
import { z } from 'zod';

/**
 * Field rules shared by the mutations, with the contracts' INPUT_LIMITS: the services check the same
 * limits again, these give early, clear messages (and never accept what a service would refuse).
 */
const text = (what: string, max: number) =>
  z.string().trim().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`);

/**
 * Optional text counted as its service counts it: launches trims before measuring, item descriptions
 * are measured as sent.
 */
const optionalText = (max: number, trimmed = true) =>
  (trimmed ? z.string().trim() : z.string()).max(max, `must be at most ${max} characters`).nullish();

export const field = {
  id: (what = 'id') => text(what, INPUT_LIMITS.id),
  key: () =>
    z
      .string()
      .trim()
      .regex(
        SLUG_PATTERN,
        'must be a slug: 2-64 lower-case letters, digits or dashes, starting with a letter or digit (e.g. "checkout-v2")',
      ),
  name: () => text('name', INPUT_LIMITS.name),
  title: () => text('title', INPUT_LIMITS.name),
  userId: () => text('user id', INPUT_LIMITS.id),
  /** A launch's description (the launches service's free text). */
  description: () => optionalText(INPUT_LIMITS.launchText),
  /** A checklist or template item's description. */
  itemDescription: () => optionalText(INPUT_LIMITS.itemDescription, false),
  notes: () => optionalText(INPUT_LIMITS.launchText),
  /** A waiver's, a rejection's or a block's reason (the checklists service's). */
  reason: () => text('reason', INPUT_LIMITS.checklistReason),
  /** A launch's cancellation reason (the launches service's free text). */
  optionalReason: () => optionalText(INPUT_LIMITS.launchText),
  url: () =>
    z
      .string()
      .trim()
      .max(INPUT_LIMITS.evidenceUrl, `must be at most ${INPUT_LIMITS.evidenceUrl} characters`)
      .refine((value) => /^https?:\/\/\S+$/i.test(value) && URL.canParse(value), 'must be an http(s) URL'),
  /** The DateTime scalar already checked the format; this only keeps dates sensible. */
  instant: () =>
    z.string().refine((value) => {
      const year = new Date(value).getUTCFullYear();
      return year >= 2000 && year <= 2200;
    }, 'must be a date between the years 2000 and 2200'),
  days: (what: string, max: number = INPUT_LIMITS.hypercareDays) =>
    z
      .number()
      .int(`${what} must be a whole number`)
      .min(1, `${what} must be at least 1`)
      .max(max, `${what} must be at most ${max}`),
  // Lower-cased like the REST gate does: "Production" must not fall back to the lenient default policy.
  environment: () =>
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(ENVIRONMENT_PATTERN, 'must be 1-63 letters, digits, dots, dashes or underscores'),
  percent: () =>
    z.number().int('must be a whole number').min(0, 'must be at least 0').max(100, 'must be at most 100'),
};
