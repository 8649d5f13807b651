import type Database from 'better-sqlite3';
import type { PendingOutboxMessage } from '../event-store';
import { sqlitePosition } from '../global-position';
import type { EventMetadata, EventToWrite, StoredEvent } from '../shared/event-codec';

interface EventRow {
  readonly global_position: number;
  readonly id: string;
  readonly stream_id: string;
  readonly stream_position: number;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly metadata: string;
  readonly occurred_at: string;
}

interface OutboxRow {
  readonly id: number;
  readonly topic: string;
  readonly key: string;
  readonly envelope: string;
}

const EVENT_COLUMNS =
  'global_position, id, stream_id, stream_position, type, schema_version, data, metadata, occurred_at';

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  globalPosition: sqlitePosition.encode(row.global_position),
  id: row.id,
  streamId: row.stream_id,
  streamPosition: row.stream_position,
  type: row.type,
  schemaVersion: row.schema_version,
  data: JSON.parse(row.data) as unknown,
  metadata: JSON.parse(row.metadata) as EventMetadata,
  occurredAt: row.occurred_at,
});

/** Statements that only read committed state: prepared on the reader connection. */
export class SqliteReads {
  private readonly stream;
  private readonly all;
  private readonly pending;

  constructor(db: Database.Database) {
    this.stream = db.prepare<[string, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_position >= ? ORDER BY stream_position`,
    );
    // The single writer makes rowid order commit order: no visibility rule needed.
    this.all = db.prepare<[number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
    );
    this.pending = db.prepare<[number], OutboxRow>(
      'SELECT id, topic, key, envelope FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?',
    );
  }

  readStream(streamId: string, fromPosition = 1): StoredEvent[] {
    return this.stream.all(streamId, fromPosition).map(toStoredEvent);
  }

  readAll(after: string | undefined, limit: number | undefined): StoredEvent[] {
    const from = after ? Number(sqlitePosition.decode(after)) : 0;
    return this.all.all(from, limit ?? -1).map(toStoredEvent);
  }

  pendingOutbox(limit: number): PendingOutboxMessage[] {
    return this.pending.all(limit).map((row) => ({
      outboxId: String(row.id),
      topic: row.topic,
      key: row.key,
      envelope: JSON.parse(row.envelope) as PendingOutboxMessage['envelope'],
    }));
  }
}

/** Every statement a transaction runs, prepared once on the writer connection. */
export class SqliteWrites {
  readonly reads: SqliteReads;
  /** Prepared, not `exec`: no SQL to parse per transaction. */
  readonly begin;
  readonly commit;
  readonly rollback;
  readonly currentVersion;
  readonly insertEvent;
  readonly insertOutbox;
  readonly markSent;
  readonly claimKey;
  readonly keyHolder;
  readonly releaseKey;
  readonly findOutcome;
  readonly insertOutcome;
  readonly getCheckpoint;
  readonly setCheckpoint;
  /** Inserts a stream's new events under a savepoint (prepared once: a wrapper per call costs). */
  readonly insertAll: (streamId: string, events: readonly EventToWrite[]) => number[];

  constructor(db: Database.Database) {
    this.reads = new SqliteReads(db);
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.currentVersion = db.prepare<[string], { version: number }>(
      'SELECT coalesce(max(stream_position), 0) AS version FROM events WHERE stream_id = ?',
    );
    this.insertEvent = db.prepare<[string, string, number, string, number, string, string, string]>(
      `INSERT INTO events (id, stream_id, stream_position, type, schema_version, data, metadata, occurred_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertOutbox = db.prepare<[string, string, string, string]>(
      'INSERT INTO outbox (topic, key, envelope, created_at) VALUES (?, ?, ?, ?)',
    );
    this.markSent = db.prepare<[string, number]>(
      'UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL',
    );
    this.claimKey = db.prepare<[string, string, string, string]>(
      'INSERT INTO reservations (scope, key, owner_id, reserved_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.keyHolder = db.prepare<[string, string], { owner_id: string }>(
      'SELECT owner_id FROM reservations WHERE scope = ? AND key = ?',
    );
    this.releaseKey = db.prepare<[string, string, string]>(
      'DELETE FROM reservations WHERE scope = ? AND key = ? AND owner_id = ?',
    );
    this.findOutcome = db.prepare<[string], { outcome: string }>(
      'SELECT outcome FROM processed_commands WHERE command_id = ?',
    );
    this.insertOutcome = db.prepare<[string, string, string]>(
      'INSERT INTO processed_commands (command_id, outcome, processed_at) VALUES (?, ?, ?)',
    );
    this.getCheckpoint = db.prepare<[string, string], { position: string }>(
      'SELECT position FROM checkpoints WHERE consumer = ? AND key = ?',
    );
    this.setCheckpoint = db.prepare<[string, string, string, string]>(
      `INSERT INTO checkpoints (consumer, key, position, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (consumer, key) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
    this.insertAll = db.transaction((streamId: string, events: readonly EventToWrite[]) =>
      events.map((event) => this.insert(streamId, event)),
    );
  }

  /** Inserts one event row and returns its rowid. */
  insert(streamId: string, event: EventToWrite): number {
    const { lastInsertRowid } = this.insertEvent.run(
      event.id,
      streamId,
      event.streamPosition,
      event.type,
      event.schemaVersion,
      JSON.stringify(event.data ?? null),
      JSON.stringify(event.metadata),
      event.occurredAt,
    );
    return Number(lastInsertRowid);
  }
}

/** True when `error` is a unique/primary-key violation on `table.column`. */
// Duck-typed, not `instanceof`: the native addon keeps the error class of the first load of
// better-sqlite3 in the process, so under a module registry that reloads the JS side (jest does, per
// test file, each in its own realm) neither `SqliteError` nor even `Error` match by instanceof.
export const violatesUnique = (error: unknown, column: string): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  return (
    name === 'SqliteError' &&
    (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') &&
    typeof message === 'string' &&
    message.includes(column)
  );
};
