import { DomainError, ErrorCodes, INPUT_LIMITS, isSlug } from '@tminus/contracts';

export const MAX_NAME_LENGTH = INPUT_LIMITS.name;
export const MAX_ID_LENGTH = INPUT_LIMITS.id;

/**
 * Commands arrive as JSON from another process: their declared types are a promise, not a guarantee,
 * so every input is checked here as `unknown`.
 */
export const requireTeamKey = (value: unknown): string => {
  if (typeof value === 'string' && isSlug(value)) return value;
  throw new DomainError(
    ErrorCodes.TEAM_INVALID_KEY,
    `Team key ${JSON.stringify(value)} is not valid: use 2 to 64 lower-case letters, digits or dashes, starting with a letter or digit.`,
  );
};

export const requireTeamName = (value: unknown): string => {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name.length > 0 && name.length <= MAX_NAME_LENGTH) return name;
  throw new DomainError(
    ErrorCodes.TEAM_INVALID_NAME,
    `Team name must be 1 to ${MAX_NAME_LENGTH} characters and not blank.`,
  );
};

export const requireId = (value: unknown, what: string): string => {
  const id = typeof value === 'string' ? value.trim() : '';
  if (id.length > 0 && id.length <= MAX_ID_LENGTH) return id;
  throw new DomainError(ErrorCodes.TEAM_INVALID_INPUT, `${what} must be 1 to ${MAX_ID_LENGTH} characters.`);
};

export const requireOneOf = <T extends string>(value: unknown, allowed: readonly T[], what: string): T => {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new DomainError(
    ErrorCodes.TEAM_INVALID_INPUT,
    `${what} ${JSON.stringify(value)} is not valid: use one of ${allowed.join(', ')}.`,
  );
};
