import type { Sql } from './database';
import type { DocumentVersion } from './document-versions';

/**
 * The last stream position applied per stream, written in the same transaction as the documents,
 * with a tag naming that write (see DocumentVersions).
 */
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
    return (await this.lockVersion(streamId)).position;
  }

  /** {@link lock}, with the tag of the write that stored the position. */
  async lockVersion(streamId: string): Promise<DocumentVersion> {
    await this.sql.execute(
      `INSERT INTO ${this.table} (stream_id, position) VALUES (?, 0) ON CONFLICT (stream_id) DO NOTHING`,
      [streamId],
    );
    const lock = this.sql.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const rows = await this.sql.query<{ position: number | string; tag: string | null }>(
      `SELECT position, tag FROM ${this.table} WHERE stream_id = ?${lock}`,
      [streamId],
    );
    return { position: Number(rows[0]?.position ?? 0), tag: rows[0]?.tag ?? null };
  }

  /**
   * PostgreSQL: {@link lockVersion} for many streams in two statements instead of two per stream,
   * the rows created and locked in sorted order (so two instances with overlapping batches queue
   * instead of deadlocking). Held until the transaction ends, so only this transaction moves them.
   */
  async lockAll(streamIds: readonly string[]): Promise<Map<string, DocumentVersion>> {
    const sorted = [...new Set(streamIds)].sort();
    const versions = new Map<string, DocumentVersion>();
    if (sorted.length === 0) return versions;
    const list = sorted.map(() => '?').join(', ');
    await this.sql.execute(
      `INSERT INTO ${this.table} (stream_id, position) VALUES ${sorted.map(() => '(?, 0)').join(', ')} ` +
        'ON CONFLICT (stream_id) DO NOTHING',
      sorted,
    );
    // Rows are locked as they leave the sort, i.e. in stream order.
    const rows = await this.sql.query<{ stream_id: string; position: number | string; tag: string | null }>(
      `SELECT stream_id, position, tag FROM ${this.table} WHERE stream_id IN (${list}) ORDER BY stream_id FOR UPDATE`,
      sorted,
    );
    for (const row of rows) versions.set(row.stream_id, { position: Number(row.position), tag: row.tag });
    return versions;
  }

  /** `tag`: names this write; without one the row's tag is cleared (no cached document matches it). */
  async set(streamId: string, position: number, tag: string | null = null): Promise<void> {
    await this.sql.execute(`UPDATE ${this.table} SET position = ?, tag = ? WHERE stream_id = ?`, [
      position,
      tag,
      streamId,
    ]);
  }

  async all(): Promise<Map<string, number>> {
    const rows = await this.sql.query<{ stream_id: string; position: number | string }>(
      `SELECT stream_id, position FROM ${this.table}`,
    );
    return new Map(rows.map((row) => [row.stream_id, Number(row.position)]));
  }
}
