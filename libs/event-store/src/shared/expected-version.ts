import type { ExpectedVersion } from '../event-store';
import { ConcurrencyError } from '../errors';

/**
 * The precise, early check made inside the transaction. It only gives a good error message: what
 * makes concurrent appends safe is the unique key on (stream_id, stream_position).
 */
export function assertExpectedVersion(streamId: string, expected: ExpectedVersion, current: number): void {
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
    throw new RangeError(`Expected version must be a non-negative integer, got ${expected}`);
  }
  const matches = expected === 'any' || (expected === 'no_stream' ? current === 0 : current === expected);
  if (!matches) throw new ConcurrencyError(streamId, expected, current);
}
