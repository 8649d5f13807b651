import { DataSource, type QueryRunner } from 'typeorm';
import { SqliteDb } from './sqlite-db';

import type { Dialect, ReadModelDb, Sql, SqlParam } from './sql';

export type { Dialect, ReadModelDb, Sql, SqlParam } from './sql';

/** Where the read model lives: PostgreSQL in distributed mode, a SQLite file in embedded mode. */
export type ReadModelDatabaseOptions =
  | { readonly type: 'postgres'; readonly url: string; readonly poolSize?: number }
  | { readonly type: 'sqlite'; readonly path: string };

/** The file name of the gateway's SQLite database inside the data directory (embedded mode). */
export const GATEWAY_SQLITE_FILE = 'gateway.db';

export async function openReadModelDatabase(options: ReadModelDatabaseOptions): Promise<ReadModelDb> {
  if (options.type === 'sqlite') return SqliteDb.open(options.path);
  const dataSource = new DataSource({ type: 'postgres', url: options.url, poolSize: options.poolSize ?? 10 });
  await dataSource.initialize();
  return new PostgresDb(dataSource);
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
