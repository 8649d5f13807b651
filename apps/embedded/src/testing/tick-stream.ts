import type { GraphqlClient } from '../client/graphql-client';
import { TICK } from './launch-fixture';

export interface TickStreamResult {
  /** Items whose tickItem mutation was answered with DONE. */
  readonly acknowledged: ReadonlySet<string>;
  /** Items whose tickItem was sent but never answered (in flight when the process went away). */
  readonly unacknowledged: ReadonlySet<string>;
  /** Items never sent. */
  readonly unsent: ReadonlySet<string>;
}

export interface TickStream {
  /** Ticks acknowledged so far. */
  acknowledgedCount(): number;
  /** Resolves once `count` ticks were acknowledged; rejects if the stream ends before. */
  acknowledgedAtLeast(count: number): Promise<void>;
  /** Resolves when every item was sent and answered, or the first request failed (then no more are sent). */
  readonly finished: Promise<TickStreamResult>;
}

/**
 * Ticks `itemIds` with `concurrency` mutations in flight, recording each acknowledgement, until done
 * or until a request fails (the server went away): what was in flight then is "unacknowledged".
 */
export function streamTicks(
  client: GraphqlClient,
  itemIds: readonly string[],
  concurrency: number,
): TickStream {
  const acknowledged = new Set<string>();
  const unacknowledged = new Set<string>();
  const waiters: { count: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  let next = 0;
  let failed = false;

  const notify = () => {
    for (const waiter of waiters.filter((w) => acknowledged.size >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const worker = async (): Promise<void> => {
    while (!failed && next < itemIds.length) {
      const itemId = itemIds[next++];
      try {
        const { tickItem } = await client.request<{ tickItem: { state: string } }>(TICK, {
          input: { itemId },
        });
        if (tickItem.state !== 'DONE') throw new Error(`tickItem answered ${tickItem.state}`);
        acknowledged.add(itemId);
        notify();
      } catch {
        unacknowledged.add(itemId);
        failed = true;
      }
    }
  };
  const finished = Promise.all(Array.from({ length: concurrency }, worker)).then(() => ({
    acknowledged,
    unacknowledged,
    unsent: new Set(itemIds.filter((id) => !acknowledged.has(id) && !unacknowledged.has(id))),
  }));
  void finished.then(() => {
    for (const waiter of waiters.splice(0)) {
      waiter.reject(
        new Error(`the stream ended with ${acknowledged.size} of ${waiter.count} acknowledgements`),
      );
    }
  });
  return {
    acknowledgedCount: () => acknowledged.size,
    acknowledgedAtLeast: (count) =>
      acknowledged.size >= count
        ? Promise.resolve()
        : new Promise((resolve, reject) => waiters.push({ count, resolve, reject })),
    finished,
  };
}
