import { eventually as poll, type EventuallyOptions } from '@tminus/testing';

/**
 * Waits until `condition` holds, checking every `intervalMs`: tests wait on an observable state
 * (a message received, a row written), never on a fixed sleep.
 */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  options: Omit<EventuallyOptions, 'orLast'> = {},
): Promise<void> {
  await poll(condition, Boolean, options);
}
