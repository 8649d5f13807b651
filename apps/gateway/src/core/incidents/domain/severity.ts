import type { Severity } from '@tminus/contracts';

const PAGERDUTY_PRIORITIES: Readonly<Record<string, Severity>> = {
  P1: 'SEV1',
  P2: 'SEV2',
  P3: 'SEV3',
  P4: 'SEV4',
  P5: 'SEV4',
};

/**
 * PagerDuty: the priority when the account uses priorities (P1→SEV1, P2→SEV2, P3→SEV3, P4/P5→SEV4),
 * else the urgency (high→SEV2, low→SEV3). An incident with neither is taken as urgent (SEV2): an
 * unknown page must not look harmless.
 */
export const pagerDutySeverity = (priority: string | null, urgency: string | null): Severity => {
  const byPriority = priority === null ? undefined : PAGERDUTY_PRIORITIES[priority.trim().toUpperCase()];
  if (byPriority) return byPriority;
  return urgency?.trim().toLowerCase() === 'low' ? 'SEV3' : 'SEV2';
};

const ALERTMANAGER_SEVERITIES: Readonly<Record<string, Severity>> = {
  critical: 'SEV1',
  error: 'SEV2',
  major: 'SEV2',
  high: 'SEV2',
  warning: 'SEV3',
};

/** Alertmanager's `severity` label: critical→SEV1, error/major/high→SEV2, warning→SEV3, else SEV4. */
export const alertmanagerSeverity = (label: string | null | undefined): Severity =>
  (label ? ALERTMANAGER_SEVERITIES[label.trim().toLowerCase()] : undefined) ?? 'SEV4';
