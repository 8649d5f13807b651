import { badUserInput } from '../../../core/errors/gateway-error';
import { decodeCursor } from '../../../core/read-model/queries/cursor';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/** `first`, checked: 1..100 (default 20). */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput([{ field, message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  return first;
}

/** Decodes `after`, checking its shape with `isValid`; BAD_USER_INPUT when it is not one of ours. */
export function cursorValue<Value>(
  after: string | null | undefined,
  isValid: (value: unknown) => value is Value,
  field = 'after',
): Value | null {
  if (after === null || after === undefined || after === '') return null;
  const value = decodeCursor(after);
  if (!isValid(value)) throw badUserInput([{ field, message: 'is not a cursor this API gave out' }]);
  return value;
}
