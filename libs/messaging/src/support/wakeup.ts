/**
 * A sleep that can be cut short: loops wait on it for new work, a backoff or a poll interval, and
 * `wake()` (new work, stop) ends the wait at once instead of letting it run out.
 */
export class Wakeup {
  private release: (() => void) | undefined;
  private woken = false;

  /** Resolves after `ms` (never, if undefined) or as soon as `wake()` is called. */
  wait(ms?: number): Promise<void> {
    if (this.woken) {
      // A wake-up that came while nobody waited is not lost: the next wait returns at once.
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => release(), ms);
      const release = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        if (this.release === release) this.release = undefined;
        resolve();
      };
      this.release = release;
    });
  }

  wake(): void {
    if (this.release) this.release();
    else this.woken = true;
  }
}

/** Exponential backoff: `initialMs`, doubled per attempt, capped at `maxMs`. */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

/**
 * The one backoff formula of the codebase (retries, redeliveries, restarts, conflict retries, GitHub
 * calls): `initialMs * 2^(failures - 1)`, capped at `maxMs`. Callers add the jitter their case needs.
 */
export const backoffDelay = (backoff: Backoff, failures: number): number =>
  Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
