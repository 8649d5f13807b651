import { DEFAULT_NOTIFICATIONS, type NotificationsConfig } from '../notifications-config';

/** Fast retries for tests and the bench: the policy's shape, seconds instead of hours; loopback allowed. */
export const TEST_NOTIFICATIONS: NotificationsConfig = {
  ...DEFAULT_NOTIFICATIONS,
  allowPrivate: true,
  timeoutMs: 300,
  pollMs: 50,
  schedulerIntervalMs: 60_000,
  backoff: { baseMs: 1_000, maxMs: 1_000, giveUpAfterMs: 60_000 },
};
