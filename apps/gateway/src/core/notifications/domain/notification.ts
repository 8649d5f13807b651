/** What a webhook may subscribe to (product.md, "Notifications"). */
export const NOTIFICATION_EVENTS = [
  'READINESS_CHANGED',
  'DECISION_RECORDED',
  'LAUNCH_STATUS_CHANGED',
  'ITEM_DUE_SOON',
  'ITEM_OVERDUE',
  'WAIVER_REQUESTED',
  'WAIVER_EXPIRED',
  'INCIDENT_REPORTED',
  'SUPPORT_STATUS_CHANGED',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const WEBHOOK_FORMATS = ['CLOUDEVENTS', 'SLACK'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** The launch's readiness as a receiver sees it. */
export interface ReadinessSummary {
  readonly ready: boolean;
  readonly percent: number;
  /** How many blockers there are. */
  readonly blockerCount: number;
  /** Human-readable reasons it is not ready (empty when ready; the first 50). */
  readonly blockers: readonly string[];
}

/** Something worth telling receivers about one launch; a delivery is made of it per matching webhook. */
export interface Notification {
  readonly event: NotificationEvent;
  readonly launchId: string;
  readonly launchKey: string;
  readonly launchName: string;
  /** When it happened (the event's time, or the scheduled instant for due dates). */
  readonly occurredAt: string;
  /** One line for people (Slack's text, CloudEvents' data.summary). */
  readonly summary: string;
  readonly readiness: ReadinessSummary;
  /** What changed, specific to the event (from/to, the item, the incident...). */
  readonly change: Readonly<Record<string, string | number | boolean | null | readonly string[]>>;
}
