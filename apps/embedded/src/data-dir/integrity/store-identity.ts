import Database from 'better-sqlite3';
import { DataDirDamagedError } from './data-dir-damaged-error';
import type { StoreFile, StoreKind } from './store-files';

/** One row in every store file, written when the file is created: what it is and whose it is. */
export const IDENTITY_TABLE = 'tminus_store';

export interface StoreIdentity {
  readonly kind: StoreKind;
  readonly dataDirId: string;
  readonly schemaVersion: number;
}

interface IdentityRow {
  kind: StoreKind;
  data_dir_id: string;
  schema_version: number;
}

/** Creates the file if needed and writes its identity row (once: an existing row is kept). */
export function stampStore(file: StoreFile, identity: StoreIdentity): void {
  const db = new Database(file.path);
  try {
    // The stores run in WAL mode anyway; one transaction for table and row.
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN IMMEDIATE');
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${IDENTITY_TABLE} (
         singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
         kind TEXT NOT NULL,
         data_dir_id TEXT NOT NULL,
         schema_version INTEGER NOT NULL,
         created_at TEXT NOT NULL
       )`,
    );
    db.prepare(
      `INSERT INTO ${IDENTITY_TABLE} (singleton, kind, data_dir_id, schema_version, created_at)
       VALUES (1, ?, ?, ?, ?) ON CONFLICT (singleton) DO NOTHING`,
    ).run(identity.kind, identity.dataDirId, identity.schemaVersion, new Date().toISOString());
    db.exec('COMMIT');
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
}

export interface InspectedStore {
  /** Undefined for a file written before identity rows existed. */
  readonly identity: StoreIdentity | undefined;
}

/**
 * Opens an existing file, runs SQLite's `quick_check` (structure of every page and index, in one
 * pass) and reads the identity row. Any failure is reported against the file.
 */
export function inspectStore(file: StoreFile): InspectedStore {
  let db: Database.Database | undefined;
  try {
    db = new Database(file.path, { fileMustExist: true });
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok')
      throw damaged(file, `fails SQLite's integrity check (${oneLine(problems.slice(0, 3).join('; '))})`);
    return { identity: readIdentity(db) };
  } catch (error) {
    if (error instanceof DataDirDamagedError) throw error;
    throw damaged(file, `cannot be read as a SQLite database (${oneLine(describe(error))})`);
  } finally {
    db?.close();
  }
}

function readIdentity(db: Database.Database): StoreIdentity | undefined {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(IDENTITY_TABLE);
  if (!table) return undefined;
  const row = db
    .prepare<[], IdentityRow>(`SELECT kind, data_dir_id, schema_version FROM ${IDENTITY_TABLE}`)
    .get();
  return row && { kind: row.kind, dataDirId: row.data_dir_id, schemaVersion: row.schema_version };
}

const damaged = (file: StoreFile, problem: string) =>
  new DataDirDamagedError(file.path, problem, file.remedy);

const describe = (error: unknown): string =>
  error instanceof Error
    ? `${(error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}`
    : String(error);

/** The refusal is one line: SQLite's messages may span several. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
