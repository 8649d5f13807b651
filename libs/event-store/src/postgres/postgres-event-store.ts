import { DataSource, type EntityManager } from 'typeorm';
import type {
  EventStore,
  PendingOutboxMessage,
  ReadAllOptions,
  RecordedEvent,
  StoreTransaction,
} from '../event-store';
import { EventCodec } from '../shared/event-codec';
import { resolveOptions, type EventStoreOptions } from '../shared/store-options';
import {
  selectAll,
  selectPendingOutbox,
  selectReadHorizon,
  selectStream,
  toStoredEvent,
  type PgQuery,
} from './postgres-queries';
import { postgresTables, schemaStatements, type PostgresTables } from './postgres-schema';
import { PostgresStoreTransaction } from './postgres-store-transaction';

export interface PostgresEventStoreOptions extends EventStoreOptions {
  readonly url: string;
  /** Schema holding the store's tables (default `public`); lets several stores share one database. */
  readonly schema?: string;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
}

/** Raw SQL through TypeORM: a DataSource for the pool, a QueryRunner per transaction. */
export class PostgresEventStore implements EventStore {
  readonly dialect = 'postgres' as const;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly tables: PostgresTables,
    private readonly codec: EventCodec,
  ) {}

  /** Connects and creates the schema if needed. */
  static async create(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const tables = postgresTables(options.schema ?? 'public');
    const { source, upcasters } = resolveOptions(options);
    const dataSource = new DataSource({
      type: 'postgres',
      url: options.url,
      poolSize: options.poolSize ?? 10,
      applicationName: `tminus-event-store:${tables.schema}`,
      synchronize: false,
      logging: false,
    });
    await dataSource.initialize();
    const store = new PostgresEventStore(dataSource, tables, new EventCodec(source, upcasters));
    try {
      await store.init();
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
    return store;
  }

  /** Idempotent: CREATE … IF NOT EXISTS, serialised across processes by an advisory lock. */
  async init(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `tminus-event-store:${this.tables.schema}`,
      ]);
      for (const statement of schemaStatements(this.tables)) await manager.query(statement);
    });
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      try {
        // The runner's own manager, passed explicitly: the global one would use another connection (typeorm#637).
        const result = await work(
          new PostgresStoreTransaction(sqlOf(runner.manager), this.tables, this.codec),
        );
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      // Always back to the pool, whatever happened (typeorm#4866).
      await runner.release();
    }
  }

  async readStream(streamId: string, fromPosition?: number): Promise<RecordedEvent[]> {
    const rows = await selectStream(this.pool, this.tables, streamId, fromPosition);
    return rows.map((row) => this.codec.toRecorded(toStoredEvent(row)));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    // Two statements, in this order: the read's snapshot must be newer than the horizon's lock scan.
    const horizon = await selectReadHorizon(this.pool, this.tables);
    const rows = await selectAll(this.pool, this.tables, horizon, options.after, options.limit);
    return rows.map((row) => this.codec.toRecorded(toStoredEvent(row)));
  }

  pendingOutbox(limit: number): Promise<PendingOutboxMessage[]> {
    return selectPendingOutbox(this.pool, this.tables, limit);
  }

  async markOutboxSent(outboxIds: string[]): Promise<void> {
    if (outboxIds.length === 0) return;
    await this.pool(
      `UPDATE ${this.tables.outbox} SET sent_at = now() WHERE id = ANY($1::bigint[]) AND sent_at IS NULL`,
      [outboxIds],
    );
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /** Statements outside a transaction: DataSource.query takes a runner from the pool and releases it. */
  private readonly pool: PgQuery = (text, params) => this.dataSource.query(text, [...params]);
}

const sqlOf =
  (manager: EntityManager): PgQuery =>
  (text, params) =>
    manager.query(text, [...params]);
