import type { Sql } from './database';

/** The last stream position applied per stream, written in the same transaction as the documents. */
export class StreamPositions {
  constructor(
    private readonly sql: Sql,
    private readonly table: string,
  ) {}

  /**
   * The stream's stored position (0 if none), locked until the transaction ends on PostgreSQL, so
   * two gateway instances applying the same event take turns and the second one sees it applied.
   */
  async lock(streamId: string): Promise<number> {
    await this.sql.execute(
      `INSERT INTO ${this.table} (stream_id, position) VALUES (?, 0) ON CONFLICT (stream_id) DO NOTHING`,
      [streamId],
    );
    const lock = this.sql.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const rows = await this.sql.query<{ position: number | string }>(
      `SELECT position FROM ${this.table} WHERE stream_id = ?${lock}`,
      [streamId],
    );
    return Number(rows[0]?.position ?? 0);
  }

  async set(streamId: string, position: number): Promise<void> {
    await this.sql.execute(`UPDATE ${this.table} SET position = ? WHERE stream_id = ?`, [position, streamId]);
  }

  async all(): Promise<Map<string, number>> {
    const rows = await this.sql.query<{ stream_id: string; position: number | string }>(
      `SELECT stream_id, position FROM ${this.table}`,
    );
    return new Map(rows.map((row) => [row.stream_id, Number(row.position)]));
  }
}
