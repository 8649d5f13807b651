import Database from 'better-sqlite3';

/**
 * Reads the in-process bus's log from outside the process (SQLite in WAL mode lets a reader look
 * while the process writes), so a test can stop the process at a chosen moment: with commands in
 * the log that were not answered yet. Knows the log's table: see libs/messaging/src/in-process/sqlite-log.ts.
 */
export class BusProbe {
  private readonly db: Database.Database;
  private readonly count;

  constructor(busFile: string) {
    this.db = new Database(busFile, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 1000');
    this.count = this.db.prepare<[string, string], { n: number }>(
      "SELECT COUNT(*) AS n FROM bus_messages WHERE topic = ? AND json_extract(headers, '$.ce_type') = ?",
    );
  }

  /** How many messages of CloudEvents type `type` were published to `topic`. */
  published(topic: string, type: string): number {
    return this.count.get(topic, type)?.n ?? 0;
  }

  close(): void {
    this.db.close();
  }
}
