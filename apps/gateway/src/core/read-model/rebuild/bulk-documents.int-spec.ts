import { createTestDatabase, type TestDatabase } from '@tminus/testing';
import { checklistView, itemView } from '../domain/testing/views';
import { openReadModelDatabase, type ReadModelDb } from '../store/database';
import { createProjectionTables } from '../store/schema';
import { projectionTables } from '../store/tables';
import { isDuplicateKey, writeFoldedStreams } from './bulk-documents';
import type { FoldedStream } from './stream-folds';

const TABLES = projectionTables('_copytest');

const checklistStream = (teamId: string, itemIds: string[], stored = false): FoldedStream => {
  const view = checklistView(
    teamId,
    itemIds.map((id) => itemView(id)),
  );
  return {
    streamId: view.id,
    position: 3,
    document: { kind: 'checklist', view },
    indexed: new Set(itemIds),
    stored,
  };
};

describe('writeFoldedStreams by COPY on PostgreSQL', () => {
  let database: TestDatabase;
  let db: ReadModelDb;

  beforeEach(async () => {
    database = await createTestDatabase('copy_bulk');
    db = await openReadModelDatabase({ type: 'postgres', url: database.url });
    await db.transaction((sql) => createProjectionTables(sql, TABLES));
  });

  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  const itemRows = () =>
    db.read((sql) =>
      sql.query<{ item_id: string; checklist_id: string }>(
        `SELECT item_id, checklist_id FROM ${TABLES.checklistItems} ORDER BY item_id`,
      ),
    );

  it('writes the same rows as the upserts', async () => {
    await db.transaction((sql) =>
      writeFoldedStreams(sql, TABLES, [checklistStream('qa', ['i1', 'i2'])], { copy: true }),
    );
    const [row] = await db.read((sql) =>
      sql.query<{ id: string; doc: string }>(`SELECT id, doc FROM ${TABLES.checklists}`),
    );
    expect(JSON.parse(row.doc)).toEqual(checklistStream('qa', ['i1', 'i2']).document?.view);
    expect(await itemRows()).toEqual([
      { item_id: 'i1', checklist_id: 'checklist-qa' },
      { item_id: 'i2', checklist_id: 'checklist-qa' },
    ]);
  });

  it('fails on a key already taken, and the upserts then keep the first row as the live write does', async () => {
    await db.transaction((sql) =>
      writeFoldedStreams(sql, TABLES, [checklistStream('qa', ['shared'])], { copy: true }),
    );
    const second = [checklistStream('ops', ['shared', 'own'])];

    const copied = db.transaction((sql) => writeFoldedStreams(sql, TABLES, second, { copy: true }));
    const failure: unknown = await copied.catch((error: unknown) => error);
    expect(isDuplicateKey(failure)).toBe(true);
    await db.transaction((sql) => writeFoldedStreams(sql, TABLES, second, { copy: false }));

    expect(await itemRows()).toEqual([
      { item_id: 'own', checklist_id: 'checklist-ops' },
      { item_id: 'shared', checklist_id: 'checklist-qa' },
    ]);
  });

  it('upserts a stream read back after an eviction even when COPY is allowed', async () => {
    await db.transaction((sql) =>
      writeFoldedStreams(sql, TABLES, [checklistStream('qa', ['i1'])], { copy: true }),
    );
    // Written again later with one more item: its rows exist, so COPY would fail on them.
    await db.transaction((sql) =>
      writeFoldedStreams(sql, TABLES, [checklistStream('qa', ['i1', 'i2'], true)], { copy: true }),
    );

    const docs = await db.read((sql) => sql.query<{ doc: string }>(`SELECT doc FROM ${TABLES.checklists}`));
    expect(docs.map(({ doc }) => (JSON.parse(doc) as { items: unknown[] }).items.length)).toEqual([2]);
    expect((await itemRows()).map(({ item_id }) => item_id)).toEqual(['i1', 'i2']);
  });
});
