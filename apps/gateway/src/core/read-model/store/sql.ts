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
  /**
   * PostgreSQL only (absent on SQLite): `COPY table (columns) FROM STDIN` of these rows, inside the
   * caller's transaction. No `ON CONFLICT`: a duplicate key fails the statement (and the transaction).
   */
  copyIn?(table: string, columns: readonly string[], rows: readonly (readonly SqlParam[])[]): Promise<void>;
}

/** `COPY (select) TO STDOUT` as it arrives: rows of text fields (null for NULL), many per batch. */
export interface CopyOut {
  /** The query to stream; COPY takes no parameters, so values must be written into it (numbers only). */
  readonly select: string;
  /** `SET LOCAL …` statements run first in the COPY's read-only transaction (planner settings). */
  readonly settings?: readonly string[];
  /** Bytes the stream may buffer ahead of the consumer (PostgreSQL keeps producing meanwhile). */
  readonly bufferBytes?: number;
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
  /**
   * PostgreSQL only (absent on SQLite): streams a query's rows on a connection of its own. Stopping
   * the iteration early closes that connection.
   */
  copyOut?(query: CopyOut): AsyncIterable<(string | null)[][]>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
