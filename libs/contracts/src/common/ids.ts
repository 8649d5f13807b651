import { createHash, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** A name-based UUID (RFC 9562 v5 layout): the same inputs always give the same id. */
export const deterministicId = (...parts: string[]): string => {
  const hash = createHash('sha1').update(parts.join('\u0000')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** One checklist per (launch, team): its id follows from the pair, so a re-required team gets it back. */
export const checklistIdFor = (launchId: string, teamId: string): string =>
  deterministicId('checklist', launchId, teamId);

/** Keys are slugs: lower-case letters, digits and dashes, 2 to 64 characters, starting with a letter or digit. */
import { SLUG_PATTERN } from './input-limits';

export { SLUG_PATTERN };
export const isSlug = (value: string): boolean => SLUG_PATTERN.test(value);

/** One template per team function: its stream id follows from the function. */
export const templateIdFor = (teamFunction: string): string => deterministicId('template', teamFunction);
