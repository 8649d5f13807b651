import { DEFAULT_BACKOFF, type BackoffPolicy } from './domain/backoff';

export interface NotificationsConfig {
  /** TMINUS_WEBHOOK_ALLOW_PRIVATE=1: webhooks may target loopback and private addresses (tests, intranets). */
  readonly allowPrivate: boolean;
  /** TMINUS_WEBHOOK_TIMEOUT_MS: one attempt is cut off after this (default 10 s). */
  readonly timeoutMs: number;
  /** TMINUS_WEBHOOK_CONCURRENCY: requests in flight per gateway instance (default 8). */
  readonly concurrency: number;
  /** How often the outbox is polled for retries (default 1 s) and due dates are looked at (default 30 s). */
  readonly pollMs: number;
  readonly schedulerIntervalMs: number;
  readonly backoff: BackoffPolicy;
}

export const DEFAULT_NOTIFICATIONS: NotificationsConfig = {
  allowPrivate: false,
  timeoutMs: 10_000,
  concurrency: 8,
  pollMs: 1_000,
  schedulerIntervalMs: 30_000,
  backoff: DEFAULT_BACKOFF,
};

const positive = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new Error(`${name} must be a positive integer, got "${value}"`);
  return parsed;
};

export function loadNotificationsConfig(
  env: Readonly<Record<string, string | undefined>>,
): NotificationsConfig {
  return {
    ...DEFAULT_NOTIFICATIONS,
    allowPrivate: env.TMINUS_WEBHOOK_ALLOW_PRIVATE === '1',
    timeoutMs: positive(
      env.TMINUS_WEBHOOK_TIMEOUT_MS,
      DEFAULT_NOTIFICATIONS.timeoutMs,
      'TMINUS_WEBHOOK_TIMEOUT_MS',
    ),
    concurrency: positive(
      env.TMINUS_WEBHOOK_CONCURRENCY,
      DEFAULT_NOTIFICATIONS.concurrency,
      'TMINUS_WEBHOOK_CONCURRENCY',
    ),
  };
}
