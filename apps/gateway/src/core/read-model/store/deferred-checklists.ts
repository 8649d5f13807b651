import type { ChecklistView } from '../domain/views';
import type { Sql } from './sql';

/**
 * Checklist documents a projector transaction changed but has not stored yet, per connection (a
 * transaction's `Sql`), by table and id: the last view of each, written once before the commit.
 * Why: a transaction applies a batch of events, several of them ticks of one 250-item checklist, and
 * each stored the whole document (~50 KB of text, built and written per event). Only the last one
 * is ever read after the commit; inside the transaction the stream's view is read from
 * DocumentVersions by its new (position, tag), and any statement that reads document text first
 * stores what is pending (Documents does that), so no reader ever sees an older text.
 */
const pendingBySql = new WeakMap<Sql, Map<string, PendingChecklist>>();

export interface PendingChecklist {
  readonly table: string;
  readonly view: ChecklistView;
}

const keyOf = (table: string, id: string): string => `${table}\u0000${id}`;

/**
 * Runs `work` (inside the caller's transaction) with checklist writes deferred, then `store`s what is
 * pending, in the order the checklists were first changed. Nothing is stored when `work` throws: the
 * transaction rolls back anyway.
 */
export async function withDeferredChecklists<T>(
  sql: Sql,
  work: () => Promise<T>,
  store: (pending: readonly PendingChecklist[]) => Promise<void>,
): Promise<T> {
  if (pendingBySql.has(sql)) return work(); // already deferring: the outer scope stores
  const pending = new Map<string, PendingChecklist>();
  pendingBySql.set(sql, pending);
  try {
    const result = await work();
    await store(takePending(sql));
    return result;
  } finally {
    pendingBySql.delete(sql);
  }
}

/** Whether writes on this connection are being deferred now. */
export const deferring = (sql: Sql): boolean => pendingBySql.has(sql);

export function deferChecklist(sql: Sql, table: string, view: ChecklistView): void {
  const pending = pendingBySql.get(sql);
  if (pending === undefined) throw new Error('no deferred checklist writes on this connection');
  const key = keyOf(table, view.id);
  // Deleted first: a re-set would keep the first write's place, and order means nothing between rows.
  pending.delete(key);
  pending.set(key, { table, view });
}

/** Forgets a pending write (the caller stores the document now, with a newer view). */
export function dropDeferredChecklist(sql: Sql, table: string, id: string): void {
  pendingBySql.get(sql)?.delete(keyOf(table, id));
}

/** What is pending on this connection, now no longer pending (the caller stores it). */
export function takePending(sql: Sql): PendingChecklist[] {
  const pending = pendingBySql.get(sql);
  if (pending === undefined || pending.size === 0) return [];
  const taken = [...pending.values()];
  pending.clear();
  return taken;
}
