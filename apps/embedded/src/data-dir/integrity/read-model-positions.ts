import Database from 'better-sqlite3';
import { LIVE_TABLES } from '../../../../gateway/src/index';
import { DataDirDamagedError } from './data-dir-damaged-error';
import type { StoreFile } from './store-files';

interface Position {
  stream_id: string;
  position: number;
}

/**
 * The read model may lag the event stores, never lead them: a stream it has applied further than
 * any event store holds means it belongs to another (or a later) copy of the data directory, and
 * would answer with launches the services do not know.
 */
export function checkReadModelNotAhead(files: readonly StoreFile[]): void {
  const readModel = files.find((file) => file.kind === 'read-model');
  const eventStores = files.filter((file) => file.kind.startsWith('event-store:'));
  if (!readModel) return;
  const positions = readPositions(readModel);
  if (positions.length === 0) return;
  const stores = eventStores.map(openForReading);
  try {
    const heads = stores
      .filter((db) => hasTable(db, 'events'))
      .map((db) =>
        db.prepare<[string], { head: number | null }>(
          'SELECT MAX(stream_position) AS head FROM events WHERE stream_id = ?',
        ),
      );
    for (const { stream_id: streamId, position } of positions) {
      const head = Math.max(0, ...heads.map((query) => query.get(streamId)?.head ?? 0));
      if (position > head)
        throw new DataDirDamagedError(
          readModel.path,
          `is ahead of the event stores (stream ${streamId} applied up to ${position}, the event stores hold ${head}): it comes from another or a later copy of this data directory`,
          'restore it and the event stores from the same backup',
        );
    }
  } finally {
    for (const db of stores) db.close();
  }
}

function readPositions(readModel: StoreFile): Position[] {
  const db = openForReading(readModel);
  try {
    if (!hasTable(db, LIVE_TABLES.positions)) return [];
    return db
      .prepare<[], Position>(`SELECT stream_id, position FROM ${LIVE_TABLES.positions} WHERE position > 0`)
      .all();
  } finally {
    db.close();
  }
}

/** Read-write open (a WAL left by a crash is recovered), but no statement may write. */
function openForReading(file: StoreFile): Database.Database {
  const db = new Database(file.path, { fileMustExist: true });
  db.pragma('query_only = ON');
  return db;
}

const hasTable = (db: Database.Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
