import { eventually as poll } from '@tminus/testing';

/**
 * Polls `read` until `done` holds. PostgreSQL's readAll only returns transactions older than every
 * write still running on the same store, so a just-committed event may take a moment to show up while
 * another transaction of that store is open: wait for the condition, never for a fixed time. The
 * default timeout stays under jest's 5 s test timeout.
 */
export const eventually = <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 4_000,
): Promise<T> => poll(read, done, { timeoutMs, orLast: true });

/** A promise a test resolves by hand, to hold a transaction open at a chosen point. */
export function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}
