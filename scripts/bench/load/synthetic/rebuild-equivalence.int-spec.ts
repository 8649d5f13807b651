import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@tminus/testing';
import { projectEnvelope } from '../../../../apps/gateway/src/core/read-model/projector/project-envelope';
import { ensureSchema } from '../../../../apps/gateway/src/core/read-model/store/schema';
import {
  LIVE_TABLES,
  openReadModelDatabase,
  rebuildProjections,
  type ReadModelDb,
} from '../../../../apps/gateway/src/index';
import { syntheticEnvelopes } from './synthetic-events';

const TABLES = Object.values(LIVE_TABLES) as string[];

/** Every projection table, rows in key order: what a reader can see. */
const dump = (db: ReadModelDb) =>
  db.read(async (sql) => {
    const tables: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      const rows = await sql.query<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY 1`);
      // A position row's tag names the write that stored it: a rebuild writes the same rows with new tags.
      tables[table] = rows.map(({ tag, ...row }) =>
        tag === undefined ? row : { ...row, tagged: typeof tag === 'string' },
      );
    }
    return tables;
  });

/** The projection tables' index definitions, names left out (each creation names its own). */
const indexes = (db: ReadModelDb) =>
  db.read(async (sql) => {
    const rows =
      sql.dialect === 'postgres'
        ? await sql.query<{ definition: string }>(
            'SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema()',
          )
        : await sql.query<{ definition: string }>(
            "SELECT sql AS definition FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
          );
    return rows
      .map(({ definition }) => definition.replace(/"/g, '').replace(/INDEX \S+ ON/, 'INDEX ON'))
      .filter((definition) => TABLES.some((table) => new RegExp(`ON (public\\.)?${table} `).test(definition)))
      .sort();
  });

/** A small synthetic history: few launches in flight, short checklists, a marker every 13 events. */
const history = () => [
  ...syntheticEnvelopes({
    events: 1_500,
    seed: 7,
    activeLaunches: 6,
    teams: 4,
    teamsPerLaunch: 2,
    itemsPerChecklist: 6,
    rejectEvery: 13,
  }),
];

/** The live projector's path: each envelope through projectEnvelope, logged, 25 per transaction. */
async function projectLive(db: ReadModelDb): Promise<number> {
  const envelopes = history();
  for (let start = 0; start < envelopes.length; start += 25) {
    await db.transaction(async (sql) => {
      for (const { envelope } of envelopes.slice(start, start + 25))
        await projectEnvelope(sql, LIVE_TABLES, envelope, { record: true });
    });
  }
  return envelopes.length;
}

describe.each(['sqlite', 'postgres'] as const)('the rebuild by fold on %s', (dialect) => {
  let db: ReadModelDb;
  let dir: string | null = null;
  let database: TestDatabase | null = null;

  beforeEach(async () => {
    if (dialect === 'sqlite') {
      dir = mkdtempSync(join(tmpdir(), 'tminus-rebuild-'));
      db = await openReadModelDatabase({ type: 'sqlite', path: join(dir, 'gateway.db') });
    } else {
      database = await createTestDatabase('rebuild_fold');
      db = await openReadModelDatabase({ type: 'postgres', url: database.url });
    }
    await ensureSchema(db);
  });

  afterEach(async () => {
    await db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await database?.drop();
    dir = null;
    database = null;
  });

  it('builds exactly the tables the live projector built from the same log', async () => {
    const count = await projectLive(db);
    const live = await dump(db);
    expect(live.rm_checklists.length).toBeGreaterThan(10);
    expect(live.rm_checklist_items.length).toBeGreaterThan(50);

    const liveIndexes = await indexes(db);
    expect(liveIndexes.length).toBeGreaterThanOrEqual(8);

    const report = await rebuildProjections(db);

    expect(report.events).toBe(count);
    expect(await dump(db)).toEqual(live);
    expect(await indexes(db)).toEqual(liveIndexes);
  });

  it.each([
    ['four open streams', { maxOpenStreams: 4 }],
    ['a weight of 15 (streams plus checklist items)', { maxOpenWeight: 15 }],
  ])(
    'gives the same tables when streams are written out early and read back: at most %s',
    async (_, bound) => {
      await projectLive(db);
      const live = await dump(db);

      // Pages of 20 events: launches are evicted mid-life and read back.
      await rebuildProjections(db, { ...bound, batchSize: 20 });

      expect(await dump(db)).toEqual(live);
    },
  );
});
