import type { StoreTransaction } from '@tminus/event-store';

type ViewTx = Pick<StoreTransaction, 'getCheckpoint' | 'setCheckpoint'>;

/**
 * A small keyed view (a JSON document per key) kept in the event store's checkpoint table, so it is
 * written in the same transaction as the position it was built up to, on PostgreSQL and SQLite
 * alike, without a schema of its own. Fit for views read by key (a team's members, a launch's teams);
 * not for anything that must be listed or searched.
 */
export class JsonView<T> {
  private readonly consumer: string;

  constructor(readonly name: string) {
    this.consumer = `view:${name}`;
  }

  async get(tx: ViewTx, key: string): Promise<T | null> {
    const raw = await tx.getCheckpoint(this.consumer, key);
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  async put(tx: ViewTx, key: string, value: T): Promise<void> {
    await tx.setCheckpoint(this.consumer, key, JSON.stringify(value));
  }
}
