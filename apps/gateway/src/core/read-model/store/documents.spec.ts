import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checklistView, itemView } from '../domain/testing/views';
import { Documents } from './documents';
import { ensureSchema } from './schema';
import { SqliteDb } from './sqlite-db';
import { LIVE_TABLES } from './tables';

describe('Documents.putChecklist (item index rows)', () => {
  let dir: string;
  let db: SqliteDb;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tminus-documents-'));
    db = SqliteDb.open(join(dir, 'gateway.db'));
    await ensureSchema(db);
  });

  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes every item of a checklist bigger than one multi-row statement, then only the added ones', async () => {
    const items = Array.from({ length: 600 }, (_, n) => itemView(`item-${n}`));
    const opened = checklistView('qa', items);
    await db.transaction((sql) => new Documents(sql, LIVE_TABLES).putChecklist(opened));
    const grown = checklistView('qa', [...items, itemView('item-600')]);
    await db.transaction((sql) => new Documents(sql, LIVE_TABLES).putChecklist(grown, opened));

    const indexed = await db.read(async (sql) => {
      const docs = new Documents(sql, LIVE_TABLES);
      return Promise.all(
        ['item-0', 'item-249', 'item-250', 'item-599', 'item-600'].map((id) => docs.checklistIdOfItem(id)),
      );
    });
    expect(indexed).toEqual(Array.from({ length: 5 }, () => opened.id));
    const count = await db.read((sql) =>
      sql.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${LIVE_TABLES.checklistItems}`),
    );
    expect(Number(count[0].n)).toBe(601);
  });
});
