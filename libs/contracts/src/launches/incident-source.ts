/** The on-call tools incidents can come from (hand-reported incidents have no source). */
export const INCIDENT_SOURCES = ['PAGERDUTY', 'ALERTMANAGER', 'GENERIC'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** An alert's lifecycle as the tools report it, in any order. */
export const INCIDENT_ALERT_STATUSES = ['triggered', 'acknowledged', 'resolved'] as const;
export type IncidentAlertStatus = (typeof INCIDENT_ALERT_STATUSES)[number];

/** The actor of the automatic close when hypercare ends. */
export const HYPERCARE_SYSTEM_USER = 'system:hypercare';

/** Upper bound of `quietPeriodHours` (30 days). */
export const MAX_QUIET_PERIOD_HOURS = 720;
