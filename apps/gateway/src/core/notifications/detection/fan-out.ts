import { newId } from '@tminus/contracts';
import type { Sql } from '../../read-model/store/database';
import { formatDelivery } from '../domain/format-delivery';
import type { Notification } from '../domain/notification';
import { enqueueDeliveries, type NewDelivery } from '../store/deliveries';
import { allWebhooks, type Webhook } from '../store/webhooks';

const wants = (webhook: Webhook, notification: Notification): boolean =>
  webhook.events.includes(notification.event) &&
  (webhook.launchId === null || webhook.launchId === notification.launchId);

/**
 * One outbox row per (notification, subscribed webhook), in the caller's transaction. The body is
 * formatted now, so every retry sends (and signs) the same bytes. Returns how many were queued.
 */
export async function fanOut(sql: Sql, notifications: readonly Notification[], now: Date): Promise<number> {
  if (notifications.length === 0) return 0;
  const webhooks = await allWebhooks(sql);
  const deliveries: NewDelivery[] = [];
  for (const notification of notifications) {
    for (const webhook of webhooks.filter((candidate) => wants(candidate, notification))) {
      const id = newId();
      const { contentType, body } = formatDelivery(webhook.format, id, notification);
      deliveries.push({
        id,
        webhookId: webhook.id,
        event: notification.event,
        launchId: notification.launchId,
        contentType,
        body,
        createdAt: now.toISOString(),
      });
    }
  }
  await enqueueDeliveries(sql, deliveries);
  return deliveries.length;
}
