import type { Sql } from './sql';

/**
 * Writes of whole documents that a projector transaction made but has not stored yet, per connection
 * (a transaction's `Sql`), by key: the last value of each, stored once before the commit. Why: a
 * transaction applies a batch of events, often several ticks of one 250-item checklist, and each
 * stored the whole checklist (~50 KB of text) and the launch's notified state (a thousand blocker
 * keys), built and written per event. Only the last of each is read after the commit. Inside the
 * transaction, readers ask for the pending value first ({@link pendingValue}) or store what is
 * pending before a statement reads the text ({@link storeDeferred}), so none sees an older document.
 */
interface Pending {
  readonly value: unknown;
  readonly store: (sql: Sql) => Promise<void>;
}

const pendingBySql = new WeakMap<Sql, Map<string, Pending>>();

/**
 * Runs `work` (inside the caller's transaction) with deferrable writes deferred, then stores what is
 * pending, in the order the keys were last written. Nothing is stored when `work` throws: the
 * transaction rolls back anyway.
 */
export async function withDeferredWrites<T>(sql: Sql, work: () => Promise<T>): Promise<T> {
  if (pendingBySql.has(sql)) return work(); // already deferring: the outer scope stores
  pendingBySql.set(sql, new Map());
  try {
    const result = await work();
    await storeDeferred(sql);
    return result;
  } finally {
    pendingBySql.delete(sql);
  }
}

/**
 * Defers a write of `value` under `key` (replacing a pending one): false when this connection does not
 * defer now, and the caller stores it itself. `store` writes `value` when the time comes.
 */
export function deferWrite(
  sql: Sql,
  key: string,
  value: unknown,
  store: (sql: Sql) => Promise<void>,
): boolean {
  const pending = pendingBySql.get(sql);
  if (pending === undefined) return false;
  pending.delete(key);
  pending.set(key, { value, store });
  return true;
}

/** Whether writes on this connection are deferred now. */
export const deferring = (sql: Sql): boolean => pendingBySql.has(sql);

/** The value a pending write under `key` will store, or undefined when none is pending. */
export function pendingValue<T>(sql: Sql, key: string): T | undefined {
  return pendingBySql.get(sql)?.get(key)?.value as T | undefined;
}

/** Forgets a pending write (the caller stores a newer value itself, now). */
export function dropDeferred(sql: Sql, key: string): void {
  pendingBySql.get(sql)?.delete(key);
}

/** Stores what is pending on this connection now (before a statement reads the documents' text). */
export async function storeDeferred(sql: Sql): Promise<void> {
  const pending = pendingBySql.get(sql);
  if (pending === undefined || pending.size === 0) return;
  const taken = [...pending.values()];
  pending.clear();
  for (const { store } of taken) await store(sql);
}

/** What is pending now, to {@link restoreDeferred} when a savepoint taken with it is rolled back. */
export type DeferredMark = ReadonlyMap<string, Pending> | undefined;

export function markDeferred(sql: Sql): DeferredMark {
  const pending = pendingBySql.get(sql);
  return pending === undefined ? undefined : new Map(pending);
}

/** After `ROLLBACK TO SAVEPOINT`: writes deferred since the mark are undone with the statements. */
export function restoreDeferred(sql: Sql, mark: DeferredMark): void {
  const pending = pendingBySql.get(sql);
  if (pending === undefined || mark === undefined) return;
  pending.clear();
  for (const [key, value] of mark) pending.set(key, value);
}
