import { SLUG_PATTERN } from '@tminus/contracts';
import { z } from 'zod';

/** Field rules shared by the mutations. Services check their own rules again: these give early, clear messages. */
const text = (what: string, max: number) =>
  z.string().trim().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`);

export const field = {
  id: (what = 'id') => text(what, 200),
  key: () =>
    z
      .string()
      .trim()
      .regex(
        SLUG_PATTERN,
        'must be a slug: 2-64 lower-case letters, digits or dashes, starting with a letter or digit (e.g. "checkout-v2")',
      ),
  name: () => text('name', 200),
  title: () => text('title', 200),
  userId: () => text('user id', 200),
  description: () => z.string().max(5_000, 'must be at most 5000 characters').nullish(),
  notes: () => z.string().max(5_000, 'must be at most 5000 characters').nullish(),
  reason: () => text('reason', 2_000),
  optionalReason: () => z.string().trim().max(2_000, 'must be at most 2000 characters').nullish(),
  url: () =>
    z
      .string()
      .trim()
      .max(2_000, 'must be at most 2000 characters')
      .refine((value) => /^https?:\/\/\S+$/i.test(value) && URL.canParse(value), 'must be an http(s) URL'),
  /** The DateTime scalar already checked the format; this only keeps dates sensible. */
  instant: () =>
    z.string().refine((value) => {
      const year = new Date(value).getUTCFullYear();
      return year >= 2000 && year <= 2200;
    }, 'must be a date between the years 2000 and 2200'),
  days: (what: string, max = 365) =>
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
      .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'must be 1-63 letters, digits, dots, dashes or underscores'),
  percent: () =>
    z.number().int('must be a whole number').min(0, 'must be at least 0').max(100, 'must be at most 100'),
};
