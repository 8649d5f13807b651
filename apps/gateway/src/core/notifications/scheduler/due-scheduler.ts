import type { Logger } from 'pino';
import type { LaunchView } from '../../read-model/domain/views';
import type { ReadModelDb, Sql } from '../../read-model/store/database';
import { LIVE_TABLES } from '../../read-model/store/tables';
import { detectNotifications, readinessSummaryOf, type LaunchFacts } from '../domain/detect-notifications';
import { DUE_SOON_MS, dueFirings, type DueFiring } from '../domain/due-items';
import type { Notification } from '../domain/notification';
import { fanOut } from '../detection/fan-out';
import { loadLaunch } from '../detection/launch-facts';
import { notifiedState, storeNotifiedState } from '../store/launch-states';
import { DUE_FIRED_TABLE } from '../store/notifications-schema';

export interface DueSchedulerOptions {
  readonly db: ReadModelDb;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** How often due dates are looked at (default 30 s). */
  readonly intervalMs?: number;
  /** Told after deliveries were queued (wakes the worker). */
  readonly onQueued?: () => void;
}

const notificationOf = (
  firing: DueFiring,
  facts: NonNullable<Awaited<ReturnType<typeof loadLaunch>>>['facts'],
): Notification => ({
  event: firing.kind,
  launchId: facts.launch.id,
  launchKey: facts.launch.key,
  launchName: facts.launch.name,
  occurredAt:
    firing.kind === 'ITEM_OVERDUE'
      ? firing.dueDate
      : new Date(Date.parse(firing.dueDate) - DUE_SOON_MS).toISOString(),
  summary: `${facts.launch.key}: "${firing.itemTitle}" ${firing.kind === 'ITEM_OVERDUE' ? 'is overdue' : 'is due within 24 h'} (due ${firing.dueDate})`,
  readiness: readinessSummaryOf(facts.readiness),
  change: {
    itemId: firing.itemId,
    itemTitle: firing.itemTitle,
    checklistId: firing.checklistId,
    teamId: firing.teamId,
    ownerUserId: firing.ownerUserId,
    dueDate: firing.dueDate,
  },
});

async function wasFired(sql: Sql, firing: DueFiring): Promise<boolean> {
  const rows = await sql.query<{ kind: string }>(
    `SELECT kind FROM ${DUE_FIRED_TABLE} WHERE item_id = ? AND due_date = ? AND kind = ?`,
    [firing.itemId, firing.dueDate, firing.kind],
  );
  return rows.length > 0;
}

/** Marks the firing sent; false when it was sent before (by this or another instance). */
async function claimFiring(sql: Sql, firing: DueFiring, now: Date): Promise<boolean> {
  const rows = await sql.query<{ item_id: string }>(
    `INSERT INTO ${DUE_FIRED_TABLE} (item_id, due_date, kind, fired_at) VALUES (?, ?, ?, ?) ` +
      'ON CONFLICT (item_id, due_date, kind) DO NOTHING RETURNING item_id',
    [firing.itemId, firing.dueDate, firing.kind, now.toISOString()],
  );
  return rows.length > 0;
}

/**
 * An item turning overdue changes the launch's blockers with no event at all: the readiness the
 * projection last told about is compared now too (stored with the firings, like the projection does).
 */
async function readinessByTime(sql: Sql, facts: LaunchFacts, now: Date): Promise<readonly Notification[]> {
  const before = await notifiedState(sql, facts.launch.id);
  const detection = detectNotifications({
    envelope: { type: 'tminus.scheduler.due-date', data: {}, occurredAt: now.toISOString() },
    before,
    after: facts,
  });
  if (JSON.stringify(before) !== JSON.stringify(detection.state))
    await storeNotifiedState(sql, facts.launch.id, detection.state);
  return detection.notifications;
}

/**
 * ITEM_DUE_SOON / ITEM_OVERDUE: every interval, looks at the open items of unfinished launches and
 * queues what is due. "Once per (item, due date)" is a unique key written in the same transaction
 * as the outbox rows, so restarts, crashes and several instances never send one twice; a moved due
 * date is a new key and is told again.
 */
export class DueScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: DueSchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs ?? 30_000);
    this.timer.unref();
    void this.runOnce();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass (public for tests); overlapping calls share the pass in progress. */
  runOnce(): Promise<void> {
    this.running ??= this.pass()
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'due-date scheduler pass failed'))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
    const { db } = this.options;
    const launches = await db.read((sql) =>
      sql.query<{ id: string; status: LaunchView['status'] }>(
        `SELECT id, status FROM ${LIVE_TABLES.launches} WHERE status NOT IN ('CLOSED', 'CANCELLED')`,
      ),
    );
    let queued = 0;
    for (const launch of launches) queued += await this.launchPass(launch.id);
    if (queued > 0) this.options.onQueued?.();
  }

  /** One launch per transaction: SQLite's single connection is never held for the whole scan. */
  private async launchPass(launchId: string): Promise<number> {
    const now = this.options.clock();
    const candidates = await this.options.db.read(async (sql) => {
      const loaded = await loadLaunch(sql, launchId, now);
      if (loaded === null) return [];
      const firings = dueFirings(loaded.facts.launch, loaded.checklists, now);
      const unsent: DueFiring[] = [];
      for (const firing of firings) if (!(await wasFired(sql, firing))) unsent.push(firing);
      return unsent;
    });
    if (candidates.length === 0) return 0;
    return this.options.db.transaction(async (sql) => {
      const loaded = await loadLaunch(sql, launchId, now);
      if (loaded === null) return 0;
      const notifications: Notification[] = [];
      for (const firing of dueFirings(loaded.facts.launch, loaded.checklists, now)) {
        if (await claimFiring(sql, firing, now)) notifications.push(notificationOf(firing, loaded.facts));
      }
      if (notifications.length > 0) notifications.push(...(await readinessByTime(sql, loaded.facts, now)));
      return fanOut(sql, notifications, now);
    });
  }
}
