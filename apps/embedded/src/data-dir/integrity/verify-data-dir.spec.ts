import Database from 'better-sqlite3';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layoutOf, type DataDirLayout } from '../data-dir';
import { DataDirDamagedError } from './data-dir-damaged-error';
import { MANIFEST_FILE } from './manifest';
import { IDENTITY_TABLE } from './store-identity';
import { storeFilesOf } from './store-files';
import { verifyDataDir } from './verify-data-dir';

const STORE_FILES = ['launches.db', 'teams.db', 'checklists.db', 'gateway.db', 'bus.db'];

describe('verifyDataDir', () => {
  let parent: string;
  let layout: DataDirLayout;
  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'tminus-verify-'));
    layout = layoutOf(join(parent, 'data'));
    mkdirp(layout.root);
  });
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  const path = (file: string) => join(layout.root, file);

  /** What the stores write once running: an event in a store, the read model's position for it. */
  function writeSomeData(streamId = 'launch-1', applied = 1): void {
    withDb(path('launches.db'), (db) => {
      db.exec('CREATE TABLE events (stream_id TEXT NOT NULL, stream_position INTEGER NOT NULL, data TEXT)');
      const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?)');
      // Enough rows for several pages, so a page in the middle can be damaged.
      db.transaction(() => {
        for (let i = 1; i <= 400; i++) insert.run(i === 1 ? streamId : `other-${i}`, 1, 'x'.repeat(100));
      })();
    });
    withDb(path('gateway.db'), (db) => {
      db.exec('CREATE TABLE rm_stream_positions (stream_id TEXT PRIMARY KEY, position INTEGER NOT NULL)');
      db.prepare('INSERT INTO rm_stream_positions VALUES (?, ?)').run(streamId, applied);
    });
  }

  const refusal = (): DataDirDamagedError => {
    try {
      verifyDataDir(layout);
    } catch (error) {
      if (error instanceof DataDirDamagedError) return error;
      throw error;
    }
    throw new Error('verifyDataDir accepted the directory');
  };

  it('initialises an empty directory: every store file with its identity row, then the manifest', () => {
    expect(verifyDataDir(layout)).toBe('initialised');

    const manifest = JSON.parse(readFileSync(path(MANIFEST_FILE), 'utf8')) as {
      stores: object;
      dataDirId: string;
    };
    expect(Object.keys(manifest.stores).sort()).toEqual([...STORE_FILES].sort());
    for (const file of storeFilesOf(layout)) {
      const row = withDb(file.path, (db) =>
        db.prepare(`SELECT kind, data_dir_id FROM ${IDENTITY_TABLE}`).get(),
      );
      expect(row).toEqual({ kind: file.kind, data_dir_id: manifest.dataDirId });
    }
  });

  it('accepts its own directory on the next start', () => {
    verifyDataDir(layout);
    writeSomeData();
    expect(verifyDataDir(layout)).toBe('verified');
  });

  describe.each(STORE_FILES)('%s', (file) => {
    beforeEach(() => {
      verifyDataDir(layout);
      writeSomeData();
    });

    it('refuses to start when it was deleted, naming it', () => {
      rmSync(path(file));
      const error = refusal();
      expect(error.file).toBe(path(file));
      expect(error.message).toContain(`${path(file)} is missing`);
      expect(error.message).toContain('restore it from a backup');
    });

    it('refuses to start when it was truncated to zero bytes, naming it', () => {
      truncateSync(path(file), 0);
      expect(refusal().message).toContain(`${path(file)} is empty (0 bytes)`);
    });

    it('refuses to start when its header is overwritten, naming it', () => {
      overwrite(path(file), 0, 'this is not a database at all');
      expect(refusal().message).toContain(`${path(file)} cannot be read as a SQLite database`);
    });

    it('refuses to start when it comes from another data directory', () => {
      const other = layoutOf(join(parent, 'other'));
      mkdirp(other.root);
      verifyDataDir(other);
      copyFileSync(join(other.root, file), path(file));
      expect(refusal().message).toContain(`${path(file)} belongs to another data directory`);
    });
  });

  it('refuses a page damaged in the middle of a file (quick_check)', () => {
    verifyDataDir(layout);
    writeSomeData();
    overwrite(path('launches.db'), 4096 * 3 + 10, '\xff'.repeat(2000));
    expect(refusal().message).toMatch(/launches\.db (fails SQLite's integrity check|cannot be read)/);
  });

  it('refuses files swapped with each other', () => {
    verifyDataDir(layout);
    renameSync(path('teams.db'), path('swap'));
    renameSync(path('launches.db'), path('teams.db'));
    renameSync(path('swap'), path('launches.db'));
    expect(refusal().message).toContain(
      `${path('launches.db')} holds the event-store:teams store, not the event-store:launches store`,
    );
  });

  it('refuses a file written by a newer tminus', () => {
    verifyDataDir(layout);
    withDb(path('bus.db'), (db) => db.exec(`UPDATE ${IDENTITY_TABLE} SET schema_version = 99`));
    expect(refusal().message).toContain(`${path('bus.db')} was written by a newer tminus`);
  });

  it('refuses a read model that applied more of a stream than the event stores hold', () => {
    verifyDataDir(layout);
    writeSomeData('launch-1', 7);
    const error = refusal();
    expect(error.file).toBe(path('gateway.db'));
    expect(error.message).toContain('is ahead of the event stores (stream launch-1 applied up to 7');
  });

  describe('a directory from before manifests', () => {
    beforeEach(() => {
      // Five files with data and no identity rows, as every earlier version left them.
      for (const file of STORE_FILES) withDb(path(file), (db) => db.exec('CREATE TABLE t (x)'));
      writeSomeData();
    });

    it('is adopted: checked, stamped and listed, then verified like any other', () => {
      expect(verifyDataDir(layout)).toBe('adopted');
      expect(verifyDataDir(layout)).toBe('verified');
    });

    it('is refused when one of its files is missing', () => {
      rmSync(path('checklists.db'));
      expect(refusal().message).toContain(`${path('checklists.db')} is missing`);
    });

    it('is refused when one of its files is empty', () => {
      truncateSync(path('gateway.db'), 0);
      expect(refusal().message).toContain(`${path('gateway.db')} is empty`);
    });
  });

  it('adopts files stamped by a start that died before writing the manifest, keeping their id', () => {
    verifyDataDir(layout);
    const before = readFileSync(path(MANIFEST_FILE), 'utf8');
    rmSync(path(MANIFEST_FILE));
    expect(verifyDataDir(layout)).toBe('adopted');
    expect(JSON.parse(readFileSync(path(MANIFEST_FILE), 'utf8')).dataDirId).toBe(
      JSON.parse(before).dataDirId,
    );
  });

  it('creates a store file the manifest does not list yet (added by a later version) and lists it', () => {
    verifyDataDir(layout);
    const manifest = JSON.parse(readFileSync(path(MANIFEST_FILE), 'utf8')) as {
      stores: Record<string, string>;
    };
    delete manifest.stores['bus.db'];
    writeFileSync(path(MANIFEST_FILE), JSON.stringify(manifest));
    rmSync(path('bus.db'));

    expect(verifyDataDir(layout)).toBe('verified');
    expect(JSON.parse(readFileSync(path(MANIFEST_FILE), 'utf8')).stores['bus.db']).toBe('bus');
    expect(verifyDataDir(layout)).toBe('verified');
  });

  it('refuses an unreadable manifest, naming it', () => {
    verifyDataDir(layout);
    truncateSync(path(MANIFEST_FILE), 0);
    expect(refusal().message).toContain(`${path(MANIFEST_FILE)} is not a readable tminus manifest`);
  });
});

const mkdirp = (dir: string) => mkdirSync(dir, { recursive: true });

function withDb<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function overwrite(file: string, offset: number, text: string): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.from(text, 'latin1'), 0, undefined, offset);
  } finally {
    closeSync(fd);
  }
}
