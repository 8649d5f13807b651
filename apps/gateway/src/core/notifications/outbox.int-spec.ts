import { createTestDatabase } from '@tminus/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { eventually } from '../../../test/support/eventually';
import { checklistView, itemView, launchView } from '../read-model/domain/testing/views';
import { openReadModelDatabase, type ReadModelDb } from '../read-model/store/database';
import { Documents } from '../read-model/store/documents';
import { ensureSchema } from '../read-model/store/schema';
import { LIVE_TABLES } from '../read-model/store/tables';
import { DeliveryWorker } from './delivery/delivery-worker';
import type { PostOutcome } from './delivery/post-webhook';
import { DueScheduler } from './scheduler/due-scheduler';
import { Deliveries, type DeliveryRecord } from './store/deliveries';
import { ensureNotificationsSchema } from './store/notifications-schema';
import { Webhooks } from './store/webhooks';

const logger = pino({ level: 'silent' });
const HOUR = 3600 * 1000;
const START = new Date('2026-03-01T00:00:00.000Z');

/** The outbox and the scheduler on each dialect, with a clock the test moves. */
describe.each(['sqlite', 'postgres'] as const)('notification outbox and scheduler (%s)', (dialect) => {
  let db: ReadModelDb;
  let cleanUp: () => Promise<void>;
  let now: Date;
  const clock = () => now;

  beforeEach(async () => {
    if (dialect === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'tminus-outbox-'));
      db = await openReadModelDatabase({ type: 'sqlite', path: join(dir, 'gateway.sqlite') });
      cleanUp = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const testDb = await createTestDatabase('notify_outbox');
      db = await openReadModelDatabase({ type: 'postgres', url: testDb.url, poolSize: 2 });
      cleanUp = () => testDb.drop();
    }
    await ensureSchema(db);
    await ensureNotificationsSchema(db);
    await ensureNotificationsSchema(db); // a second start finds the tables there
    now = START;
    await new Webhooks(db).add({
      id: 'hook-1',
      url: 'https://hooks.example.com/x',
      events: ['ITEM_DUE_SOON', 'ITEM_OVERDUE', 'READINESS_CHANGED'],
      launchId: null,
      format: 'CLOUDEVENTS',
      secret: 'secret-secret-secret',
      createdAt: START.toISOString(),
      createdBy: 'max',
    });
  });
  afterEach(async () => {
    await db.close();
    await cleanUp();
  });

  const seedLaunch = (dueDate: string) =>
    db.transaction(async (sql) => {
      const docs = new Documents(sql, LIVE_TABLES);
      await docs.putLaunch(launchView({ status: 'GO', requiredTeamIds: ['team-1'] }));
      await docs.putChecklist(checklistView('team-1', [itemView('item-1', { dueDate })]));
    });
  const deliveries = (): Promise<DeliveryRecord[]> => new Deliveries(db).ofWebhook('hook-1', 100);

  it('fires ITEM_DUE_SOON then ITEM_OVERDUE once each, across scheduler restarts, and again for a moved due date', async () => {
    await seedLaunch(new Date(START.getTime() + 2 * HOUR).toISOString());
    const scheduler = () => new DueScheduler({ db, clock, logger });
    await scheduler().runOnce();
    await scheduler().runOnce();
    expect((await deliveries()).map((d) => d.event)).toEqual(['ITEM_DUE_SOON']);
    now = new Date(START.getTime() + 3 * HOUR);
    await scheduler().runOnce();
    await scheduler().runOnce();
    // Overdue is a new blocker of the launch: readiness changed, though no event said so.
    expect((await deliveries()).map((d) => d.event).sort()).toEqual([
      'ITEM_DUE_SOON',
      'ITEM_OVERDUE',
      'READINESS_CHANGED',
    ]);
    await seedLaunch(new Date(START.getTime() + 10 * HOUR).toISOString());
    await scheduler().runOnce();
    // Due soon again (a new key), and no longer overdue: the blockers changed back.
    expect((await deliveries()).map((d) => d.event).sort()).toEqual([
      'ITEM_DUE_SOON',
      'ITEM_DUE_SOON',
      'ITEM_OVERDUE',
      'READINESS_CHANGED',
      'READINESS_CHANGED',
    ]);
  });

  it('retries a failing receiver with backoff for at least 24 h, then marks the delivery FAILED with its last code', async () => {
    await seedLaunch(START.toISOString());
    await new DueScheduler({ db, clock, logger }).runOnce();
    const seen: string[] = [];
    const worker = new DeliveryWorker({
      deliveries: new Deliveries(db),
      logger,
      clock,
      post: { timeoutMs: 1_000, allowPrivate: false },
      random: () => 0.5,
      send: async (delivery): Promise<PostOutcome> => {
        seen.push(delivery.id);
        return { kind: 'answered', statusCode: 503 };
      },
    });
    // Drive the worker by hand: jump to each next attempt, as time would.
    for (let round = 0; round < 80; round++) {
      const [delivery] = await deliveries();
      if (delivery.status !== 'PENDING') break;
      now = new Date(delivery.nextAttemptAt!);
      worker.start();
      await eventually(
        async () => (await deliveries())[0].attempts > delivery.attempts,
        'the next attempt recorded',
      );
      await worker.stop();
    }
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({
      status: 'FAILED',
      lastStatusCode: 503,
      lastError: 'HTTP 503',
      nextAttemptAt: null,
    });
    expect(delivery.attempts).toBe(seen.length);
    expect(new Set(seen).size).toBe(1);
    expect(now.getTime() - START.getTime()).toBeGreaterThanOrEqual(24 * HOUR);
    // Kept for webhookDeliveries, then forgotten (FAILED and DELIVERED alike; PENDING never).
    expect(await new Deliveries(db).prune(START.toISOString())).toBe(0);
    expect(await new Deliveries(db).prune(new Date(START.getTime() + 1).toISOString())).toBe(1);
    expect(await deliveries()).toEqual([]);
  });

  it('leases a delivery to one claimer; another claims it only after the lease ran out', async () => {
    await seedLaunch(START.toISOString());
    await new DueScheduler({ db, clock, logger }).runOnce();
    const store = new Deliveries(db);
    const lease = new Date(START.getTime() + 10_000).toISOString();
    expect(await store.claimDue(START.toISOString(), lease, 10)).toHaveLength(1);
    expect(await store.claimDue(START.toISOString(), lease, 10)).toHaveLength(0);
    const later = new Date(START.getTime() + 11_000).toISOString();
    expect(await store.claimDue(later, later, 10)).toHaveLength(1);
  });
});
