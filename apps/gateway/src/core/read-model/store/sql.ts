/** The read model's database interface, implemented per dialect (database.ts, sqlite-db.ts). */
export type Dialect = 'postgres' | 'sqlite';

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
 * The gateway's own database handle: a `pg` pool for PostgreSQL, the better-sqlite3 handle
 * directly for SQLite (sqlite-db.ts); the read model is plain tables of JSON documents, written with
 * a few hand-written statements.
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
