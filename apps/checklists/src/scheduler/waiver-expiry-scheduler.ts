import {
  deterministicId,
  ErrorCodes,
  SYSTEM_ACTOR,
  type ChecklistEvent,
  type CommandEnvelope,
  type EventEnvelope,
  type ExpireWaiver,
} from '@tminus/contracts';
import type { EventStore } from '@tminus/event-store';
import type { CommandSink, HandledCommand, ServiceLogger } from '@tminus/service-kit';
import { checklistDecider, pendingWaiverExpiries, type PendingWaiverExpiry } from '../domain';

export interface WaiverExpirySchedulerOptions {
  readonly store: EventStore;
  readonly commands: CommandSink;
  readonly logger: ServiceLogger;
  /** Events read per page while rebuilding the timers on start. */
  readonly pageSize?: number;
}

/** setTimeout holds at most ~24.8 days; a later expiry is re-armed when that timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Fire a little after the expiry, so the decider (its own clock reading) always sees it lapsed. */
const MARGIN_MS = 5;
const RETRY_AFTER_FAILURE_MS = 1_000;
/** Events after which a checklist's pending expiries may have changed. */
const WAIVER_AFFECTING = new Set<string>([
  'ChecklistItemWaived',
  'ChecklistItemWaiverRevoked',
  'ChecklistItemWaiverExpired',
  'ChecklistItemTicked',
  'ChecklistItemBlocked',
  'ChecklistReopened',
  'ChecklistClosed',
]);

interface Timer {
  readonly expiry: PendingWaiverExpiry;
  handle: NodeJS.Timeout;
}

/**
 * Sends `ExpireWaiver` (as the SYSTEM actor, through the service's own processor) when a waiver's
 * expiry passes, so the history records when the waiver lapsed. Restart-safe: `start()` rebuilds the
 * timers from the service's own store, and each command's id follows from (checklist, item, expiry),
 * so several instances, or a restart mid-way, expire a waiver once.
 */
export class WaiverExpiryScheduler {
  private readonly timers = new Map<string, Map<string, Timer>>();
  /** Refreshes of one checklist run one after the other, so an older read never overwrites a newer one. */
  private readonly refreshing = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly options: WaiverExpirySchedulerOptions) {}

  /** Schedules every pending expiry in the store. */
  async start(): Promise<void> {
    for (const checklistId of await this.checklistsWithExpiringWaivers()) await this.refresh(checklistId);
  }

  stop(): void {
    this.stopped = true;
    for (const checklist of this.timers.values())
      for (const timer of checklist.values()) clearTimeout(timer.handle);
    this.timers.clear();
  }

  /**
   * A CommandObserver: re-plans a checklist after a command changed its waivers — one that gained a
   * waiver with an expiry (or came back with its old ones), or one with timers that may be moot now.
   */
  readonly observe = ({ result }: HandledCommand): void => {
    if (result.status !== 'ACCEPTED') return;
    const touched = new Set(
      result.events
        .filter((e) => (this.mayHaveTimers(e.streamId) ? WAIVER_AFFECTING.has(e.type) : mayAddExpiry(e)))
        .map((e) => e.streamId),
    );
    for (const checklistId of touched) {
      this.refresh(checklistId).catch((error: unknown) =>
        this.options.logger.error({ err: error, checklistId }, 'could not schedule waiver expiries'),
      );
    }
  };

  /** Replaces the checklist's timers with its current pending expiries. */
  refresh(checklistId: string): Promise<void> {
    const previous = this.refreshing.get(checklistId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.replan(checklistId));
    this.refreshing.set(checklistId, next);
    const forget = (): void => {
      if (this.refreshing.get(checklistId) === next) this.refreshing.delete(checklistId);
    };
    next.then(forget, forget);
    return next;
  }

  private async replan(checklistId: string): Promise<void> {
    const events = await this.options.store.readStream(checklistId);
    const state = events.reduce(
      (s, e) => checklistDecider.evolve(s, e as unknown as ChecklistEvent),
      checklistDecider.initialState(),
    );
    if (this.stopped) return;
    const pending = pendingWaiverExpiries(state);
    const current = this.timers.get(checklistId) ?? new Map<string, Timer>();
    const wanted = new Map(pending.map((expiry) => [timerKey(expiry), expiry]));
    for (const [key, timer] of current) {
      if (!wanted.has(key)) {
        clearTimeout(timer.handle);
        current.delete(key);
      }
    }
    for (const [key, expiry] of wanted)
      if (!current.has(key)) current.set(key, this.arm(checklistId, expiry, 1));
    if (current.size > 0) this.timers.set(checklistId, current);
    else this.timers.delete(checklistId);
  }

  private mayHaveTimers(checklistId: string): boolean {
    return this.timers.has(checklistId) || this.refreshing.has(checklistId);
  }

  /** How many expiries are scheduled (for tests and diagnostics). */
  get scheduledCount(): number {
    let count = 0;
    for (const checklist of this.timers.values()) count += checklist.size;
    return count;
  }

  private arm(checklistId: string, expiry: PendingWaiverExpiry, attempt: number, delayMs?: number): Timer {
    const due = Date.parse(expiry.expiresAt) + MARGIN_MS;
    const wait = delayMs ?? Math.min(MAX_TIMER_MS, Math.max(0, due - Date.now()));
    const handle = setTimeout(() => void this.fire(checklistId, expiry, attempt), wait);
    handle.unref();
    return { expiry, handle };
  }

  private async fire(checklistId: string, expiry: PendingWaiverExpiry, attempt: number): Promise<void> {
    if (this.stopped) return;
    const key = timerKey(expiry);
    if (Date.now() < Date.parse(expiry.expiresAt) + MARGIN_MS)
      return this.rearm(checklistId, key, expiry, attempt);
    try {
      const result = await this.options.commands.handle(expireWaiverCommand(checklistId, expiry, attempt));
      // Only a clock that ran behind gets this: try again, under a new command id.
      if (result.status === 'REJECTED' && result.code === ErrorCodes.CHECKLIST_WAIVER_NOT_EXPIRED) {
        return this.rearm(checklistId, key, expiry, attempt + 1, RETRY_AFTER_FAILURE_MS);
      }
      this.timers.get(checklistId)?.delete(key);
    } catch (error) {
      this.options.logger.error(
        { err: error, checklistId, itemId: expiry.itemId },
        'ExpireWaiver failed; retrying',
      );
      this.rearm(checklistId, key, expiry, attempt, RETRY_AFTER_FAILURE_MS);
    }
  }

  private rearm(
    checklistId: string,
    key: string,
    expiry: PendingWaiverExpiry,
    attempt: number,
    delayMs?: number,
  ): void {
    const checklist = this.timers.get(checklistId);
    if (this.stopped || !checklist?.has(key)) return;
    checklist.set(key, this.arm(checklistId, expiry, attempt, delayMs));
  }

  /** Checklists whose history holds a waiver with an expiry: the only ones that can have a pending one. */
  private async checklistsWithExpiringWaivers(): Promise<Set<string>> {
    const pageSize = this.options.pageSize ?? 1_000;
    const found = new Set<string>();
    for (let after: string | undefined; ;) {
      const page = await this.options.store.readAll({ after, limit: pageSize });
      for (const event of page) {
        const data = event.data as { expiresAt?: unknown };
        if (event.type === 'ChecklistItemWaived' && data.expiresAt != null) found.add(event.streamId);
      }
      if (page.length < pageSize) return found;
      after = page[page.length - 1].globalPosition;
    }
  }
}

const mayAddExpiry = (event: EventEnvelope): boolean =>
  event.type === 'ChecklistReopened' ||
  (event.type === 'ChecklistItemWaived' && (event.data as { expiresAt?: unknown }).expiresAt != null);

const timerKey = (expiry: PendingWaiverExpiry): string => `${expiry.itemId}@${expiry.expiresAt}`;

export function expireWaiverCommand(
  checklistId: string,
  { itemId, expiresAt }: PendingWaiverExpiry,
  attempt: number,
): CommandEnvelope<'ExpireWaiver', ExpireWaiver['data']> {
  const commandId = deterministicId('expire-waiver', checklistId, itemId, expiresAt, String(attempt));
  return {
    commandId,
    type: 'ExpireWaiver',
    aggregateId: checklistId,
    actor: SYSTEM_ACTOR,
    correlationId: commandId,
    issuedAt: new Date().toISOString(),
    payload: { checklistId, itemId, expiresAt },
  };
}
