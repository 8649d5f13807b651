import { CliError } from '../support/exit-codes';
import type { GateAnswer } from './gate-client';

/** What tells the waiting CLI that the gate may have changed (the `readinessChanged` subscription). */
export interface ChangeFeed {
  /** Starts listening; `stop` ends it (idempotent). */
  start(listener: ChangeListener): { stop(): Promise<void> };
}

export interface ChangeListener {
  /** Something changed for the launch: ask the gate again. */
  changed(): void;
  /** (Re)connected: changes may have been missed while the link was down, so ask again. */
  connected(): void;
  /** The feed cannot go on (refused token, unknown launch): waiting is over, with an error. */
  failed(error: CliError): void;
}

export interface WaitOptions {
  /** The answer that started the wait (DENIED, or there is nothing to wait for). */
  readonly first: GateAnswer;
  /** Asks the REST gate once. Throws a CliError; a `retryable` one does not end the wait. */
  readonly check: () => Promise<GateAnswer>;
  readonly feed: ChangeFeed;
  readonly timeoutMs: number;
  /** A slow safety re-check, should a notification be lost (default 30 s). */
  readonly safetyIntervalMs?: number;
  /** Told about each answer while waiting, and each transient failure. */
  readonly onAnswer?: (answer: GateAnswer) => void;
  readonly onTransientError?: (error: CliError) => void;
}

export const DEFAULT_SAFETY_INTERVAL_MS = 30_000;

const isRetryable = (error: unknown): boolean =>
  error instanceof CliError && (error as CliError & { retryable?: boolean }).retryable === true;

/**
 * Waits until the gate answers ALLOWED, or the time is up (then resolves with the last answer, DENIED).
 * It asks the gate again only when told to: a change notification, a (re)connection, or the slow
 * safety timer. Checks never overlap; notifications arriving during a check coalesce into one more.
 * Rejects with a CliError when the feed fails or the gate answers with a non-retryable error.
 */
export function waitForGate(options: WaitOptions): Promise<GateAnswer> {
  if (options.first.body.decision === 'ALLOWED') return Promise.resolve(options.first);
  return new Promise<GateAnswer>((resolve, reject) => {
    let last = options.first;
    let checking = false;
    let again = false;
    let finished = false;
    let subscription: { stop(): Promise<void> } | null = null;

    const finish = (outcome: () => void): void => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      clearInterval(safety);
      // The outcome does not wait for the socket to close: a pipeline step should end at once.
      void subscription?.stop().catch(() => undefined);
      outcome();
    };

    const recheck = (): void => {
      if (finished) return;
      if (checking) {
        again = true;
        return;
      }
      checking = true;
      options
        .check()
        .then(
          (answer) => {
            last = answer;
            options.onAnswer?.(answer);
            if (answer.body.decision === 'ALLOWED') finish(() => resolve(answer));
          },
          (error: unknown) => {
            if (isRetryable(error)) options.onTransientError?.(error as CliError);
            else finish(() => reject(error instanceof CliError ? error : new CliError(String(error))));
          },
        )
        .finally(() => {
          checking = false;
          if (again) {
            again = false;
            recheck();
          }
        });
    };

    const deadline = setTimeout(() => finish(() => resolve(last)), options.timeoutMs);
    const safety = setInterval(recheck, options.safetyIntervalMs ?? DEFAULT_SAFETY_INTERVAL_MS);
    subscription = options.feed.start({
      changed: recheck,
      connected: recheck,
      failed: (error) => finish(() => reject(error)),
    });
    // A feed that failed while starting has already finished the wait.
    if (finished) void subscription.stop().catch(() => undefined);
  });
}
