import { eventually as poll } from '@tminus/testing';

/** Waits until `check` returns a value (not undefined/null/false), polling; fails after `timeoutMs`. */
export const eventually = <Value>(
  check: () => Promise<Value | null | undefined | false> | Value | null | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<Value> => poll(check, undefined, { what, timeoutMs, intervalMs: 50 }) as Promise<Value>;
