import { eventually as poll, type EventuallyOptions } from '@tminus/testing';

/**
 * Waits until `probe` returns a value that satisfies `accept` (a condition, never a fixed sleep).
 * For outcomes that arrive asynchronously by design, such as a checklist opened by a reaction.
 */
export const eventually = <T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  options: Omit<EventuallyOptions, 'orLast'> = {},
): Promise<T> => poll(probe, accept, { timeoutMs: 30_000, intervalMs: 100, ...options });
