import {
  deterministicId,
  ErrorCodes,
  HYPERCARE_SYSTEM_USER,
  type Actor,
  type CommandEnvelope,
  type EndHypercare,
  type LaunchEvent,
} from '@tminus/contracts';
import type { EventStore } from '@tminus/event-store';
import type { CommandSink, HandledCommand, ServiceLogger } from '@tminus/service-kit';
import { launchDecider, nextHypercareCheck } from '../domain';

export interface HypercareEndSchedulerOptions {
  readonly store: Pick<EventStore, 'readStream' | 'readAll'>;
  readonly commands: CommandSink;
  readonly logger: Pick<ServiceLogger, 'error'>;
  /** Events read per page while rebuilding the timers on start. */
  readonly pageSize?: number;
  readonly now?: () => Date;
}

/** The automatic close is recorded as done by this actor (a SYSTEM role, a name that says why). */
export const HYPERCARE_ACTOR: Actor = { userId: HYPERCARE_SYSTEM_USER, role: 'SYSTEM' };

/** setTimeout holds at most ~24.8 days; a later end is re-armed when that timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Fire a little after the due time, so the decider (its own clock reading) sees hypercare over. */
const MARGIN_MS = 5;
const RETRY_AFTER_FAILURE_MS = 1_000;
/** Events after which a launch's next hypercare check may have moved. */
const HYPERCARE_AFFECTING = new Set<string>([
  'LaunchWentLive',
  'HypercareExtended',
  'HypercareOverrun',
  'LaunchClosed',
  'LaunchCancelled',
]);
/**
 * Incidents move the check only once hypercare has reached its end (an overrun, a quiet period): before
 * it, the check is the end itself. Re-planning on each of them would re-read the stream per alert.
 */
const INCIDENT_EVENTS = new Set<string>(['IncidentReported', 'IncidentResolved', 'IncidentSeverityChanged']);

/**
 * Sends `EndHypercare` (as `system:hypercare`, through the service's own processor) when a launch's
 * hypercare ends, and again when what kept it open is gone (a quiet period over; an incident resolved
 * re-plans). Restart-safe: `start()` rebuilds the timers from the service's own store, and each command
 * id follows from (launch, due time, attempt), so several instances or a restart close a launch once;
 * the decider makes a late or repeated command a no-op.
 */
export class HypercareEndScheduler {
  private readonly timers = new Map<string, { due: string; handle: NodeJS.Timeout }>();
  /** Launches whose timer is the end of hypercare itself (incidents cannot move it). */
  private readonly waitingForEnd = new Set<string>();
  /** Re-plans of one launch run one after the other, so an older read never overwrites a newer one. */
  private readonly planning = new Map<string, Promise<void>>();
  /** Launches with a re-plan queued that has not started: a burst of events needs one more, not one each. */
  private readonly queued = new Set<string>();
  private stopped = false;

  constructor(private readonly options: HypercareEndSchedulerOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Schedules every launch that ever went live (the others cannot be in hypercare). */
  async start(): Promise<void> {
    for (const launchId of await this.launchesThatWentLive()) await this.refresh(launchId);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer.handle);
    this.timers.clear();
  }

  /** A CommandObserver: re-plans each launch whose events may move its next check. */
  readonly observe = ({ result }: HandledCommand): void => {
    if (result.status !== 'ACCEPTED') return;
    const touched = new Set(
      result.events
        .filter(
          (e) =>
            HYPERCARE_AFFECTING.has(e.type) ||
            (INCIDENT_EVENTS.has(e.type) && !this.waitingForEnd.has(e.streamId)),
        )
        .map((e) => e.streamId),
    );
    for (const launchId of touched) {
      this.refresh(launchId).catch((error: unknown) =>
        this.options.logger.error({ err: error, launchId }, 'could not schedule the end of hypercare'),
      );
    }
  };

  /** How many launches have a timer (for tests and diagnostics). */
  get scheduledCount(): number {
    return this.timers.size;
  }

  refresh(launchId: string): Promise<void> {
    const previous = this.planning.get(launchId) ?? Promise.resolve();
    // One queued re-plan reads the latest stream: it serves every event that arrived before it starts.
    if (this.queued.has(launchId)) return previous;
    this.queued.add(launchId);
    const next = previous
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(launchId);
        return this.replan(launchId);
      });
    this.planning.set(launchId, next);
    const forget = (): void => {
      if (this.planning.get(launchId) === next) this.planning.delete(launchId);
    };
    next.then(forget, forget);
    return next;
  }

  private async replan(launchId: string): Promise<void> {
    const events = await this.options.store.readStream(launchId);
    const state = events.reduce(
      (s, e) => launchDecider.evolve(s, e as unknown as LaunchEvent),
      launchDecider.initialState(),
    );
    if (this.stopped) return;
    const due = nextHypercareCheck(state, this.now());
    if (due !== null && state.exists && due === state.hypercareEndsAt) this.waitingForEnd.add(launchId);
    else this.waitingForEnd.delete(launchId);
    const current = this.timers.get(launchId);
    if (current && current.due === due) return;
    if (current) clearTimeout(current.handle);
    this.timers.delete(launchId);
    if (due !== null) this.arm(launchId, due, 1);
  }

  private arm(launchId: string, due: string, attempt: number, delayMs?: number): void {
    const wait =
      delayMs ?? Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(due) + MARGIN_MS - this.now().getTime()));
    const handle = setTimeout(() => void this.fire(launchId, due, attempt), wait);
    handle.unref();
    this.timers.set(launchId, { due, handle });
  }

  private async fire(launchId: string, due: string, attempt: number): Promise<void> {
    if (this.stopped || this.timers.get(launchId)?.due !== due) return;
    if (this.now().getTime() < Date.parse(due) + MARGIN_MS) return this.arm(launchId, due, attempt);
    try {
      const result = await this.options.commands.handle(endHypercareCommand(launchId, due, attempt));
      // Only a clock that ran behind gets this: try again, under a new command id.
      if (result.status === 'REJECTED' && result.code === ErrorCodes.LAUNCH_HYPERCARE_NOT_OVER) {
        return this.arm(launchId, due, attempt + 1, RETRY_AFTER_FAILURE_MS);
      }
      if (this.timers.get(launchId)?.due === due) this.timers.delete(launchId);
      // An accepted command with no events (nothing to do) changes nothing the observer sees: re-plan here.
      await this.refresh(launchId);
    } catch (error) {
      this.options.logger.error({ err: error, launchId }, 'EndHypercare failed; retrying');
      if (!this.stopped) this.arm(launchId, due, attempt, RETRY_AFTER_FAILURE_MS);
    }
  }

  private async launchesThatWentLive(): Promise<Set<string>> {
    const pageSize = this.options.pageSize ?? 1_000;
    const found = new Set<string>();
    for (let after: string | undefined; ;) {
      const page = await this.options.store.readAll({ after, limit: pageSize });
      for (const event of page) if (event.type === 'LaunchWentLive') found.add(event.streamId);
      if (page.length < pageSize) return found;
      after = page[page.length - 1].globalPosition;
    }
  }
}

export function endHypercareCommand(
  launchId: string,
  due: string,
  attempt: number,
): CommandEnvelope<'EndHypercare', EndHypercare['data']> {
  const commandId = deterministicId('end-hypercare', launchId, due, String(attempt));
  return {
    commandId,
    type: 'EndHypercare',
    aggregateId: launchId,
    actor: HYPERCARE_ACTOR,
    correlationId: commandId,
    issuedAt: new Date().toISOString(),
    payload: { launchId },
  };
}
