import { backoffDelay } from '@tminus/messaging';

/**
 * Bounded retries of a unit of work that lost an optimistic-concurrency race. Full jitter spreads
 * the rivals out, so they do not collide again in lock-step (AWS "Exponential Backoff and Jitter").
 */
export interface ConflictRetryPolicy {
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * Within one process the processor queues a stream's commands, so conflicts come only from other
 * instances (during a consumer rebalance, or reactions handled elsewhere). A short cap keeps a loser
 * from sitting out while a rival's queue drains; 20 attempts measured ample for three instances
 * hammering one stream (at most 10 needed in 26 runs of the PostgreSQL test).
 */
export const DEFAULT_CONFLICT_RETRY: ConflictRetryPolicy = {
  maxAttempts: 20,
  initialDelayMs: 5,
  maxDelayMs: 100,
};

/** A random delay in [0, min(max, initial * 2^(failures - 1))]: full jitter over the shared backoff. */
export const jitteredDelay = (policy: ConflictRetryPolicy, failures: number, random = Math.random): number =>
  Math.floor(
    random() * backoffDelay({ initialMs: policy.initialDelayMs, maxMs: policy.maxDelayMs }, failures),
  );

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
