import { DataSource, type QueryRunner } from 'typeorm';
import { KeyedLock } from '@tminus/event-store';

/** The lock key of the SQLite writer (one connection writes). */
const WRITER = 'writer';

export type Dialect = 'postgres' | 'sqlite';

/** Where the read model lives: PostgreSQL in distributed mode, a SQLite file in embedded mode. */
export type ReadModelDatabaseOptions =
  | { readonly type: 'postgres'; readonly url: string; readonly poolSize?: number }
  | { readonly type: 'sqlite'; readonly path: string };

/** The file name of the gateway's SQLite database inside the data directory (embedded mode). */
export const GATEWAY_SQLITE_FILE = 'gateway.db';

export type SqlParam = string | number | boolean | null;

/**
 * Runs SQL written once for both dialects: `?` placeholders (turned into `$n` for PostgreSQL),
 * `ON CONFLICT` upserts and `RETURNING`, which PostgreSQL and SQLite (3.35+) both understand.
 */
export interface Sql {
  readonly dialect: Dialect;
  query<Row extends object>(text: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /** Runs a statement and returns the number of rows it changed. */
  execute(text: string, params?: readonly SqlParam[]): Promise<number>;
}

/**
 * The gateway's own database handle. TypeORM is the driver layer (connections, pooling, dialects);
 * the read model is plain tables of JSON documents, written with a few hand-written statements.
 */
export interface ReadModelDb {
  readonly dialect: Dialect;
  /** Reads outside any transaction. */
  read<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /** Reads from one consistent snapshot (several documents that must agree with each other). */
  snapshot<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /** Runs `work` in one transaction; rolls back if it throws. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openReadModelDatabase(options: ReadModelDatabaseOptions): Promise<ReadModelDb> {
  const dataSource =
    options.type === 'postgres'
      ? new DataSource({ type: 'postgres', url: options.url, poolSize: options.poolSize ?? 10 })
      : new DataSource({ type: 'better-sqlite3', database: options.path, enableWAL: true, timeout: 30_000 });
  await dataSource.initialize();
  return options.type === 'postgres' ? new PostgresDb(dataSource) : new SqliteDb(dataSource);
}

const toPositional = (text: string): string => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

class RunnerSql implements Sql {
  constructor(
    readonly dialect: Dialect,
    private readonly runner: QueryRunner,
  ) {}

  async query<Row extends object>(text: string, params: readonly SqlParam[] = []): Promise<Row[]> {
    const result = await this.runner.query(this.statement(text), [...params], true);
    return (result.records ?? []) as Row[];
  }

  async execute(text: string, params: readonly SqlParam[] = []): Promise<number> {
    const result = await this.runner.query(this.statement(text), [...params], true);
    return result.affected ?? 0;
  }

  private statement(text: string): string {
    return this.dialect === 'postgres' ? toPositional(text) : text;
  }
}

class PostgresDb implements ReadModelDb {
  readonly dialect = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {}

  async read<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await work(new RunnerSql('postgres', runner));
    } finally {
      // Always release, or the pool runs dry (typeorm#4866).
      await runner.release();
    }
  }

  snapshot<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.inTransaction('REPEATABLE READ', work);
  }

  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.inTransaction('READ COMMITTED', work);
  }

  private async inTransaction<T>(
    isolation: 'READ COMMITTED' | 'REPEATABLE READ',
    work: (sql: Sql) => Promise<T>,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.startTransaction(isolation);
      try {
        const result = await work(new RunnerSql('postgres', runner));
        await runner.commitTransaction();
        return result;
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  async ping(): Promise<boolean> {
    return this.read(async (sql) => (await sql.query('SELECT 1 AS ok')).length === 1).catch(() => false);
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * SQLite has one connection, and TypeORM shares one query runner on it: two async units of work would
 * interleave their statements inside each other's transactions. A mutex gives each its turn (the
 * driver is synchronous anyway, so no parallelism is lost). BEGIN IMMEDIATE takes the write lock up
 * front, so another process on the file (the rebuild script) waits instead of failing mid-way.
 */
class SqliteDb implements ReadModelDb {
  readonly dialect = 'sqlite' as const;
  /** One writer at a time (SQLite has one connection). */
  private readonly mutex = new KeyedLock();

  constructor(private readonly dataSource: DataSource) {}

  read<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.mutex.run(WRITER, () => work(new RunnerSql('sqlite', this.dataSource.createQueryRunner())));
  }

  /** One connection, taken in turns: every read already sees one consistent state. */
  snapshot<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.read(work);
  }

  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.mutex.run(WRITER, async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.query('BEGIN IMMEDIATE');
      try {
        const result = await work(new RunnerSql('sqlite', runner));
        await runner.query('COMMIT');
        return result;
      } catch (error) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async ping(): Promise<boolean> {
    return this.read(async (sql) => (await sql.query('SELECT 1 AS ok')).length === 1).catch(() => false);
  }

  async close(): Promise<void> {
    await this.mutex.run(WRITER, async () => {
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
    });
  }
}
