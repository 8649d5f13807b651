import type { Notification, WebhookFormat } from './notification';

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';
const JSON_CONTENT_TYPE = 'application/json';

/** `tminus.notification.readiness_changed` for READINESS_CHANGED. */
export const cloudEventTypeOf = (event: Notification['event']): string =>
  `tminus.notification.${event.toLowerCase()}`;

export interface FormattedBody {
  readonly contentType: string;
  /** The exact bytes sent and signed (stored with the delivery, so every retry is identical). */
  readonly body: string;
}

/** A CloudEvents 1.0 event in structured JSON mode; its id is the delivery id (stable across retries). */
export function cloudEventOf(deliveryId: string, notification: Notification): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: deliveryId,
    source: `/tminus/launches/${notification.launchId}`,
    type: cloudEventTypeOf(notification.event),
    subject: notification.launchKey,
    time: notification.occurredAt,
    datacontenttype: JSON_CONTENT_TYPE,
    data: {
      event: notification.event,
      launchId: notification.launchId,
      launchKey: notification.launchKey,
      launchName: notification.launchName,
      summary: notification.summary,
      readiness: notification.readiness,
      change: notification.change,
    },
  };
}

// Slack reads &, < and > as markup (`<!channel>` pings everyone): user text must not carry any.
export const slackEscape = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack caps a section's text at 3000 characters. */
const SLACK_TEXT_MAX = 3000;
const clip = (value: string, max: number): string =>
  value.length > max ? `${value.slice(0, max - 1)}…` : value;

/** A Slack incoming-webhook message: `text` (notifications, fallbacks) and `blocks` (what people see). */
export function slackMessageOf(notification: Notification): Record<string, unknown> {
  const summary = clip(slackEscape(notification.summary), SLACK_TEXT_MAX);
  const { readiness } = notification;
  const state = readiness.ready ? 'ready' : 'not ready';
  const blockers = readiness.blockers.slice(0, 5).map((blocker) => `• ${slackEscape(blocker)}`);
  const more = readiness.blockerCount > 5 ? [`… and ${readiness.blockerCount - 5} more`] : [];
  const detail = clip(
    [
      `*${slackEscape(notification.launchName)}* (${slackEscape(notification.launchKey)}): ${state}, ${readiness.percent}%`,
      ...blockers,
      ...more,
    ].join('\n'),
    SLACK_TEXT_MAX,
  );
  return {
    text: summary,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: summary } },
      { type: 'section', text: { type: 'mrkdwn', text: detail } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `${notification.event} · ${notification.occurredAt}` }],
      },
    ],
  };
}

export function formatDelivery(
  format: WebhookFormat,
  deliveryId: string,
  notification: Notification,
): FormattedBody {
  return format === 'SLACK'
    ? { contentType: JSON_CONTENT_TYPE, body: JSON.stringify(slackMessageOf(notification)) }
    : { contentType: CLOUDEVENTS_CONTENT_TYPE, body: JSON.stringify(cloudEventOf(deliveryId, notification)) };
}
