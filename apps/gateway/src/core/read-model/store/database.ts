import { once } from 'node:events';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { CopyTextRows, encodeCopyRows } from './copy-text';
import { SqliteDb } from './sqlite-db';

import type { CopyOut, ReadModelDb, Sql, SqlParam } from './sql';

export type { CopyOut, Dialect, ReadModelDb, Sql, SqlParam } from './sql';

/** Where the read model lives: PostgreSQL in distributed mode, a SQLite file in embedded mode. */
export type ReadModelDatabaseOptions =
  | { readonly type: 'postgres'; readonly url: string; readonly poolSize?: number }
  | { readonly type: 'sqlite'; readonly path: string };

/** The file name of the gateway's SQLite database inside the data directory (embedded mode). */
export const GATEWAY_SQLITE_FILE = 'gateway.db';

export async function openReadModelDatabase(options: ReadModelDatabaseOptions): Promise<ReadModelDb> {
  if (options.type === 'sqlite') return SqliteDb.open(options.path);
  // Loaded here: the embedded process (SQLite) never needs pg's ≈30 modules.
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  // An idle connection that breaks (server restart) is dropped by the pool and reopened on demand;
  // without a listener the 'error' event would end the process.
  pool.on('error', () => undefined);
  // Connect once now, as TypeORM's initialize did: an unreachable database fails the start, with its reason.
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw error;
  });
  client.release();
  return new PostgresDb(pool);
}

/** `?` placeholders to `$n`, once per distinct statement text (the projector sends the same few). */
const positionalTexts = new Map<string, string>();
const MAX_POSITIONAL_TEXTS = 1_000;

function toPositional(text: string): string {
  const known = positionalTexts.get(text);
  if (known !== undefined) return known;
  let n = 0;
  const positional = text.replace(/\?/g, () => `$${++n}`);
  // Statements with a variable number of rows make new texts: bounded by starting over.
  if (positionalTexts.size >= MAX_POSITIONAL_TEXTS) positionalTexts.clear();
  positionalTexts.set(text, positional);
  return positional;
}

/** Statements on one pooled connection, straight to `pg` (no ORM layer per statement). */
class ClientSql implements Sql {
  readonly dialect = 'postgres' as const;

  constructor(private readonly client: PoolClient) {}

  async query<Row extends object>(text: string, params: readonly SqlParam[] = []): Promise<Row[]> {
    const result = await this.client.query<Row>(toPositional(text), [...params]);
    return result.rows;
  }

  async execute(text: string, params: readonly SqlParam[] = []): Promise<number> {
    const result = await this.client.query(toPositional(text), [...params]);
    return result.rowCount ?? 0;
  }

  async copyIn(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly SqlParam[])[],
  ): Promise<void> {
    const stream = this.client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    const finished = once(stream, 'finish');
    finished.catch(() => undefined); // an 'error' rejects it; awaited below
    // Rows sent in slices of about a megabyte, each waiting for the socket to take the one before.
    for (let start = 0; start < rows.length; start += COPY_ROWS_PER_WRITE) {
      const text = encodeCopyRows(rows.slice(start, start + COPY_ROWS_PER_WRITE));
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), finished]);
    }
    stream.end();
    await finished;
  }
}

/** Rows per write of a COPY FROM: ~1 MB of 8 KB checklist documents, far less of index rows. */
const COPY_ROWS_PER_WRITE = 128;

class PostgresDb implements ReadModelDb {
  readonly dialect = 'postgres' as const;

  constructor(private readonly pool: Pool) {}

  async read<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return await work(new ClientSql(client));
    } catch (error) {
      broken = brokenConnection(error);
      throw error;
    } finally {
      client.release(broken);
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
    const client = await this.pool.connect();
    // A connection whose rollback failed may still be inside the transaction: it is closed, not reused.
    let broken: Error | undefined;
    try {
      // One round trip: BEGIN with its isolation level (TypeORM sent BEGIN, then SET TRANSACTION).
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      try {
        const result = await work(new ClientSql(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      }
    } catch (error) {
      broken ??= brokenConnection(error);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async *copyOut({ select, settings = [], bufferBytes }: CopyOut): AsyncIterable<(string | null)[][]> {
    const client = await this.pool.connect();
    // Released as broken unless the COPY ran to its end: a connection left mid-COPY is closed.
    let broken: Error | undefined = new Error('COPY not finished');
    try {
      await client.query('BEGIN READ ONLY');
      for (const setting of settings) await client.query(setting);
      const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`, { highWaterMark: bufferBytes }));
      const rows = new CopyTextRows();
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const batch = rows.push(chunk);
        if (batch.length > 0) yield batch;
      }
      rows.end();
      await client.query('COMMIT');
      broken = undefined;
    } finally {
      client.release(broken);
    }
  }

  async ping(): Promise<boolean> {
    return this.read(async (sql) => (await sql.query('SELECT 1 AS ok')).length === 1).catch(() => false);
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** A failed COMMIT or a lost connection: the client must not go back to the pool as if healthy. */
function brokenConnection(error: unknown): Error | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  // SQLSTATE errors (a string of five) leave the connection usable; anything else (socket errors) does not.
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? undefined : (error as Error);
}
