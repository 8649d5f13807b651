import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { isolatedStep } from '../../notifications/detection/isolated-step';
import type { NotifiedLaunchState } from '../../notifications/domain/launch-state';
import { ensureNotificationsSchema } from '../../notifications/store/notifications-schema';
import { notifiedState, storeNotifiedState } from '../../notifications/store/launch-states';
import type { ChecklistView } from '../domain/views';
import type { ProjectedEnvelope } from '../projector/project-envelope';
import { checklistView, itemView } from '../domain/testing/views';
import { withDeferredWrites } from './deferred-writes';
import { Documents } from './documents';
import { ensureSchema } from './schema';
import type { Sql } from './sql';
import { SqliteDb } from './sqlite-db';
import { LIVE_TABLES } from './tables';

describe('checklist writes deferred to the end of a transaction', () => {
  let dir: string;
  let db: SqliteDb;
  const opened = checklistView('qa', [itemView('a'), itemView('b')]);
  const tick = (view: ChecklistView, id: string, ownerUserId: string | null = null): ChecklistView => ({
    ...view,
    items: view.items.map((item) => (item.id === id ? { ...item, state: 'DONE', ownerUserId } : item)),
  });
  const storedText = async (): Promise<ChecklistView> => {
    const rows = await db.read((sql) =>
      sql.query<{ doc: string }>(`SELECT doc FROM ${LIVE_TABLES.checklists} WHERE id = ?`, [opened.id]),
    );
    return JSON.parse(rows[0].doc) as ChecklistView;
  };
  const deferred = <T>(work: (sql: Sql, docs: Documents) => Promise<T>): Promise<T> =>
    db.transaction((sql) => withDeferredWrites(sql, () => work(sql, new Documents(sql, LIVE_TABLES))));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tminus-deferred-'));
    db = SqliteDb.open(join(dir, 'gateway.db'));
    await ensureSchema(db);
    await ensureNotificationsSchema(db);
    await db.transaction((sql) => new Documents(sql, LIVE_TABLES).putChecklist(opened));
  });

  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the last of several changes to one checklist when the work is done', async () => {
    const first = tick(opened, 'a');
    const second = tick(first, 'b');
    await deferred(async (sql, docs) => {
      await docs.putChecklist(first, opened);
      await docs.putChecklist(second, first);
      // Nothing stored yet: the row still holds the document from before the transaction.
      expect((await sql.query<{ doc: string }>(`SELECT doc FROM ${LIVE_TABLES.checklists}`))[0].doc).toBe(
        JSON.stringify(opened),
      );
    });
    expect(await storedText()).toEqual(second);
  });

  it('stores what is pending before a statement reads document text inside the transaction', async () => {
    const owned = tick(opened, 'a', 'user-7');
    const found = await deferred(async (_sql, docs) => {
      await docs.putChecklist(owned, opened);
      return docs.checklistsMentioningOwner('user-7');
    });
    expect(found).toEqual([owned]);
    expect(await storedText()).toEqual(owned);
  });

  it('stores a checklist moved to another launch at once (statements select by launch)', async () => {
    const moved = { ...tick(opened, 'a'), launchId: 'launch-other' };
    const ofOther = await deferred(async (_sql, docs) => {
      await docs.putChecklist(moved, opened);
      return docs.checklistsOfLaunch('launch-other');
    });
    expect(ofOther.map((c) => c.id)).toEqual([opened.id]);
    expect(await storedText()).toEqual(moved);
  });

  it('stores nothing when the work fails (the transaction rolls back)', async () => {
    await expect(
      deferred(async (_sql, docs) => {
        await docs.putChecklist(tick(opened, 'a'), opened);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storedText()).toEqual(opened);
    // The connection defers nothing any more: a later plain write is stored at once.
    await db.transaction((sql) => new Documents(sql, LIVE_TABLES).putChecklist(tick(opened, 'b'), opened));
    expect(await storedText()).toEqual(tick(opened, 'b'));
  });

  it("defers a launch's notified state too, and reads the pending one back inside the transaction", async () => {
    const state = (blockerKeys: string[]): NotifiedLaunchState => ({
      ready: blockerKeys.length === 0,
      blockerKeys,
      status: 'PLANNING',
      support: 'GREEN',
    });
    const [first, second] = [state(['a', 'b']), state(['b'])];
    const readInside = await deferred(async (sql) => {
      await storeNotifiedState(sql, 'launch-1', first);
      await storeNotifiedState(sql, 'launch-1', second);
      const stored = await sql.query<{ n: number }>('SELECT COUNT(*) AS n FROM notify_launch_state');
      return { state: await notifiedState(sql, 'launch-1'), rows: Number(stored[0].n) };
    });
    expect(readInside).toEqual({ state: second, rows: 0 });
    expect(await db.read((sql) => notifiedState(sql, 'launch-1'))).toEqual(second);
  });

  it('undoes writes deferred inside a failed isolated step, as its savepoint undoes its statements', async () => {
    const logger = pino({ level: 'silent' });
    const kept = { ready: true, blockerKeys: [], status: 'PLANNING', support: 'GREEN' } as const;
    const failing = isolatedStep(async (sql) => {
      await storeNotifiedState(sql, 'launch-1', { ...kept, ready: false, blockerKeys: ['x'] });
      throw new Error('fan-out failed');
    }, logger);
    await deferred(async (sql) => {
      await storeNotifiedState(sql, 'launch-1', kept);
      await failing(sql, { envelope: { id: 'event-1' } } as ProjectedEnvelope);
    });
    expect(await db.read((sql) => notifiedState(sql, 'launch-1'))).toEqual(kept);
  });
});
