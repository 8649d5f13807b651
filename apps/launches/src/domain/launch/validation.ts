import {
  DomainError,
  ENVIRONMENT_PATTERN,
  ErrorCodes,
  INPUT_LIMITS,
  isSlug,
  MAX_QUIET_PERIOD_HOURS,
  MAX_SIGN_OFFS_REQUIRED,
  parseRfc3339,
} from '@tminus/contracts';

/*
 * Commands arrive as JSON from another process: their declared types are a promise, not a guarantee,
 * so every input is checked here as `unknown`. Failures use LAUNCH.INVALID_INPUT unless a caller passes
 * a more specific code.
 */

// The limits are the contracts' (INPUT_LIMITS): the gateway checks the same ones.
export const MAX_NAME_LENGTH = INPUT_LIMITS.name;
export const MAX_TEXT_LENGTH = INPUT_LIMITS.launchText;
export const MAX_ID_LENGTH = INPUT_LIMITS.id;
export const MIN_HYPERCARE_DAYS = 1;
export const MAX_HYPERCARE_DAYS = INPUT_LIMITS.hypercareDays;
export { ENVIRONMENT_PATTERN };

/** How many distinct LEADs must sign a team's checklist off: 1 (the default) to MAX_SIGN_OFFS_REQUIRED. */
export const requireSignOffsRequired = (value: unknown): number => {
  if (value == null) return 1;
  if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_SIGN_OFFS_REQUIRED)
    return value as number;
  throw invalid(
    `signOffsRequired must be a whole number from 1 to ${MAX_SIGN_OFFS_REQUIRED}, not ${JSON.stringify(value)}.`,
  );
};

/** A target date (ISO) that is still ahead of `now`: a launch cannot be planned for the past. */
export const requireFutureTargetDate = (value: unknown, now: Date): string => {
  const targetDate = requireIsoDate(value, 'Target date');
  if (Date.parse(targetDate) <= now.getTime()) {
    throw invalid(
      `Target date ${targetDate} has already passed (now: ${now.toISOString()}).`,
      ErrorCodes.LAUNCH_TARGET_DATE_IN_PAST,
    );
  }
  return targetDate;
};

const invalid = (message: string, code: string = ErrorCodes.LAUNCH_INVALID_INPUT): DomainError =>
  new DomainError(code, message);

export const requireLaunchKey = (value: unknown): string => {
  if (typeof value === 'string' && isSlug(value)) return value;
  throw invalid(
    `Launch key ${JSON.stringify(value)} is not valid: use 2 to 64 lower-case letters, digits or dashes, starting with a letter or digit.`,
    ErrorCodes.LAUNCH_INVALID_KEY,
  );
};

/** Names and titles: trimmed, not blank, at most 200 characters. */
export const requireName = (value: unknown, what: string): string => {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name.length > 0 && name.length <= MAX_NAME_LENGTH) return name;
  throw invalid(`${what} must be 1 to ${MAX_NAME_LENGTH} characters and not blank.`);
};

/** Optional free text (descriptions, notes, reasons): trimmed; blank or absent becomes null. */
export const optionalText = (value: unknown, what: string): string | null => {
  if (value == null) return null;
  if (typeof value !== 'string') throw invalid(`${what} must be text.`);
  const text = value.trim();
  if (text.length > MAX_TEXT_LENGTH) throw invalid(`${what} must be at most ${MAX_TEXT_LENGTH} characters.`);
  return text.length > 0 ? text : null;
};

export const requireId = (value: unknown, what: string): string => {
  const id = typeof value === 'string' ? value.trim() : '';
  if (id.length > 0 && id.length <= MAX_ID_LENGTH) return id;
  throw invalid(`${what} must be 1 to ${MAX_ID_LENGTH} characters.`);
};

export const requireOneOf = <T extends string>(value: unknown, allowed: readonly T[], what: string): T => {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(`${what} ${JSON.stringify(value)} is not valid: use one of ${allowed.join(', ')}.`);
};

export const requireWholeNumber = (value: unknown, min: number, max: number, what: string): number => {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw invalid(`${what} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}.`);
};

export const requireHypercareDays = (value: unknown, what = 'Hypercare days'): number =>
  requireWholeNumber(value, MIN_HYPERCARE_DAYS, MAX_HYPERCARE_DAYS, what);

/** An RFC 3339 date or date-time with offset, on the calendar, normalised to UTC (`2026-03-01T00:00:00.000Z`). */
export const requireIsoDate = (value: unknown, what: string): string => {
  const parsed = parseRfc3339(value);
  if (parsed.ok) return parsed.iso;
  throw invalid(
    `${what} must be an RFC 3339 date (2026-03-01) or date-time with offset (2026-03-01T09:00:00Z), not ${JSON.stringify(value)}: ${parsed.reason}.`,
  );
};

export const requireEnvironment = (
  value: unknown,
  code: string = ErrorCodes.LAUNCH_INVALID_INPUT,
): string => {
  if (typeof value === 'string' && ENVIRONMENT_PATTERN.test(value)) return value;
  throw invalid(
    `Environment ${JSON.stringify(value)} is not valid: use up to 63 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.`,
    code,
  );
};

export const requireBoolean = (value: unknown, what: string, code: string): boolean => {
  if (typeof value === 'boolean') return value;
  throw invalid(`${what} must be true or false.`, code);
};

export const requirePercent = (value: unknown, what: string, code: string): number => {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100) return value;
  throw invalid(`${what} must be a number from 0 to 100, not ${JSON.stringify(value)}.`, code);
};

const DAY_MS = 24 * 60 * 60 * 1000;
export const addDays = (from: Date, days: number): Date => new Date(from.getTime() + days * DAY_MS);

const MAX_LIST_LENGTH = 1000;

export const requireTextList = (value: unknown, what: string): string[] => {
  const valid =
    Array.isArray(value) &&
    value.length <= MAX_LIST_LENGTH &&
    value.every((item) => typeof item === 'string' && item.length <= MAX_TEXT_LENGTH);
  if (valid) return [...(value as string[])];
  throw invalid(
    `${what} must be a list of at most ${MAX_LIST_LENGTH} texts of at most ${MAX_TEXT_LENGTH} characters.`,
  );
};

export const MAX_URL_LENGTH = 2048;

/** An optional http(s) link (to the incident in its tool): anything else could run script in a browser. */
export const optionalUrl = (value: unknown, what: string): string | null => {
  if (value == null || value === '') return null;
  if (typeof value === 'string' && value.length <= MAX_URL_LENGTH && /^https?:\/\/[^\s]+$/i.test(value)) {
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return value;
    } catch {
      // falls through to the refusal
    }
  }
  throw invalid(`${what} must be an http(s) URL of at most ${MAX_URL_LENGTH} characters.`);
};

/** Hours of quiet the exit criteria need: 0 (the default) to MAX_QUIET_PERIOD_HOURS. */
export const optionalQuietPeriodHours = (value: unknown): number | null =>
  value == null ? null : requireWholeNumber(value, 0, MAX_QUIET_PERIOD_HOURS, 'quietPeriodHours');
