import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envelopeFactory } from '../domain/testing/envelope-factory';
import { QA_CHECKLIST, QA_ID, checklistEvents, item } from '../domain/testing/events';
import { projectEnvelope } from '../projector/project-envelope';
import { DocumentVersions } from './document-versions';
import { Documents } from './documents';
import { ensureSchema } from './schema';
import { SqliteDb } from './sqlite-db';
import { LIVE_TABLES } from './tables';

describe('DocumentVersions', () => {
  it('answers only for the exact (position, tag) it was given, never for untagged rows', () => {
    const versions = new DocumentVersions();
    const view = { id: 'c1' };
    versions.remember('t', 'c1', { position: 3, tag: 'x.1' }, view, 10);
    expect(versions.get('t', 'c1', { position: 3, tag: 'x.1' })).toBe(view);
    expect(versions.get('t', 'c1', { position: 4, tag: 'x.1' })).toBeNull();
    expect(versions.get('t', 'c1', { position: 3, tag: 'x.2' })).toBeNull();
    expect(versions.get('other', 'c1', { position: 3, tag: 'x.1' })).toBeNull();
    versions.remember('t', 'c2', { position: 1, tag: null }, view, 10);
    expect(versions.get('t', 'c2', { position: 1, tag: null })).toBeNull();
  });
});

describe('DocumentVersions memory', () => {
  it('keeps views up to its budget of text characters, dropping the least recently used first', () => {
    const versions = new DocumentVersions(100);
    const version = { position: 1, tag: 'x.1' };
    versions.remember('t', 'old', version, { id: 'old' }, 60);
    versions.remember('t', 'new', version, { id: 'new' }, 60);
    expect(versions.get('t', 'old', version)).toBeNull();
    expect(versions.get('t', 'new', version)).toEqual({ id: 'new' });
  });
});

describe('checklists read by version (SQLite)', () => {
  let dir: string;
  let db: SqliteDb;
  const envelope = envelopeFactory();
  const items = ['i1', 'i2'].map((id) => item(id));

  const stored = () => db.read((sql) => new Documents(sql, LIVE_TABLES).checklist(QA_CHECKLIST));
  const state = async (itemId: string) => (await stored())?.items.find(({ id }) => id === itemId)?.state;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tminus-doc-versions-'));
    db = SqliteDb.open(join(dir, 'gateway.db'));
    await ensureSchema(db);
    await db.transaction((sql) =>
      projectEnvelope(
        sql,
        LIVE_TABLES,
        envelope(QA_CHECKLIST, checklistEvents.opened(QA_CHECKLIST, QA_ID, items)),
        {
          record: true,
        },
      ),
    );
  });

  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never serves what a rolled-back transaction wrote', async () => {
    const tick = envelope(QA_CHECKLIST, checklistEvents.ticked(QA_CHECKLIST, 'i1'));
    await expect(
      db.transaction(async (sql) => {
        await projectEnvelope(sql, LIVE_TABLES, tick, { record: true });
        // Inside the transaction the new document is what reads see…
        expect((await new Documents(sql, LIVE_TABLES).checklistsOfLaunch('launch-1'))[0].items[0].state).toBe(
          'DONE',
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // …and after the rollback the stored one again.
    expect(await state('i1')).toBe('OPEN');
    await db.transaction((sql) => projectEnvelope(sql, LIVE_TABLES, tick, { record: true }));
    expect(await state('i1')).toBe('DONE');
  });

  it('reads the stored document again when another writer moved the position without a tag', async () => {
    expect(await state('i2')).toBe('OPEN');
    // What older code (or another tool) does: a new document and position, the tag left as it was.
    await db.transaction(async (sql) => {
      const [row] = await sql.query<{ doc: string }>('SELECT doc FROM rm_checklists WHERE id = ?', [
        QA_CHECKLIST,
      ]);
      const doc = JSON.parse(row.doc) as { items: { id: string; state: string }[] };
      doc.items = doc.items.map((each) => (each.id === 'i2' ? { ...each, state: 'DONE' } : each));
      await sql.execute('UPDATE rm_checklists SET doc = ? WHERE id = ?', [JSON.stringify(doc), QA_CHECKLIST]);
      await sql.execute('UPDATE rm_stream_positions SET position = position + 1 WHERE stream_id = ?', [
        QA_CHECKLIST,
      ]);
    });
    expect(await state('i2')).toBe('DONE');
  });
});
