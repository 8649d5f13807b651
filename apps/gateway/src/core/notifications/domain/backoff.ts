/** How long a delivery keeps being retried, and how its attempts are spaced. */
export interface BackoffPolicy {
  /** The wait after the first failure (default 10 s). */
  readonly baseMs: number;
  /** No wait is longer (default 1 h). */
  readonly maxMs: number;
  /** Retried until this long after the delivery was created (default 25 h: product.md asks ≥ 24 h). */
  readonly giveUpAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 10_000,
  maxMs: 60 * 60 * 1000,
  giveUpAfterMs: 25 * 60 * 60 * 1000,
};

/**
 * The wait before attempt `attempts + 1`, after `attempts` failures: exponential, capped, with "full
 * jitter" (a uniform draw below the cap), so receivers coming back from an outage are not hit by every
 * sender at the same instant. `random` is in [0, 1).
 */
export function backoffDelayMs(policy: BackoffPolicy, attempts: number, random: number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  // Never less than a second: a zero wait would turn into a busy loop against a failing receiver.
  return Math.max(1_000, Math.floor(ceiling * Math.min(Math.max(random, 0), 0.999_999)));
}

/** When to try next, or null when the delivery has been retried long enough and is marked failed. */
export function nextAttemptAt(
  policy: BackoffPolicy,
  createdAt: Date,
  attempts: number,
  now: Date,
  random: number,
): Date | null {
  const deadline = createdAt.getTime() + policy.giveUpAfterMs;
  if (now.getTime() >= deadline) return null;
  // The last retry happens at the deadline at the latest, so the whole window is used.
  return new Date(Math.min(now.getTime() + backoffDelayMs(policy, attempts, random), deadline));
}
