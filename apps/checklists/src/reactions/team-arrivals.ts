import { EventEmitter } from 'node:events';
import type { StoreTransaction } from '@tminus/event-store';
import { teamViews, type TeamView } from '../views/team-view';

/** Thrown when a team stays unknown: the message is retried, then dead-lettered (and can be replayed). */
export class TeamNotKnownError extends Error {
  constructor(
    readonly teamId: string,
    waitedMs: number,
  ) {
    super(`Team ${teamId} is not known to the checklists service (waited ${waitedMs} ms for its events)`);
    this.name = 'TeamNotKnownError';
  }
}

export interface TeamArrivalsOptions {
  readonly read: <T>(work: (tx: StoreTransaction) => Promise<T>) => Promise<T>;
  /** How long one delivery waits for the team (keep it well under the consumer's session timeout). */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 4_000;
/** Another instance may project the team: look again now and then, not only when woken here. */
const RECHECK_MS = 500;

/**
 * The teams topic and the launches topic are consumed independently, so `TeamRequired` can arrive
 * before this service has seen `TeamCreated`. Its reaction waits here, briefly, for the team view.
 */
export class TeamArrivals {
  private readonly projected = new EventEmitter().setMaxListeners(0);

  constructor(private readonly options: TeamArrivalsOptions) {}

  /** Call after a team event's projection committed. */
  notify(teamId: string): void {
    this.projected.emit(teamId);
  }

  async waitFor(teamId: string): Promise<TeamView> {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const woken = this.nextNotification(teamId, Math.min(RECHECK_MS, Math.max(0, deadline - Date.now())));
      const view = await this.options.read((tx) => teamViews.get(tx, teamId));
      if (view?.function != null) {
        woken.cancel();
        return view;
      }
      if (Date.now() >= deadline) {
        woken.cancel();
        throw new TeamNotKnownError(teamId, timeoutMs);
      }
      await woken.promise;
    }
  }

  /** Resolves on the next notification for the team or after `ms`, whichever comes first. */
  private nextNotification(teamId: string, ms: number): { promise: Promise<void>; cancel: () => void } {
    let done!: () => void;
    const promise = new Promise<void>((resolve) => (done = resolve));
    const timer = setTimeout(() => finish(), ms);
    const finish = (): void => {
      clearTimeout(timer);
      this.projected.off(teamId, finish);
      done();
    };
    this.projected.on(teamId, finish);
    return { promise, cancel: finish };
  }
}
