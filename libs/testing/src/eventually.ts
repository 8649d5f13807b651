import { setTimeout as sleep } from 'node:timers/promises';

export interface EventuallyOptions {
  /** Named in the timeout's message. */
  readonly what?: string;
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  /** Return the last value instead of failing once the time is up (the caller's assertion says what is wrong). */
  readonly orLast?: boolean;
}

/** Ready when the probe returned something: not undefined, null or false. */
export const isPresent = <Value>(value: Value): boolean =>
  value !== undefined && value !== null && value !== false;

/**
 * The one polling helper: calls `probe` until `accept` holds for its value and returns that value.
 * Tests wait on an observable state (a message received, a row written), never on a fixed sleep.
 */
export async function eventually<Value>(
  probe: () => Value | Promise<Value>,
  accept: (value: Value) => boolean = isPresent,
  { what = 'condition', timeoutMs = 10_000, intervalMs = 20, orLast = false }: EventuallyOptions = {},
): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) {
      if (orLast) return value;
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${describe(value)}`);
    }
    await sleep(intervalMs);
  }
}

const describe = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};
