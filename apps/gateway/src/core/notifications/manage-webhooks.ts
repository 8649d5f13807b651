import { randomBytes } from 'node:crypto';
import { ErrorCodes, newId } from '@tminus/contracts';
import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { badUserInput, notFound } from '../errors/gateway-error';
import type { ReadModelQueries } from '../read-model/queries/read-model-queries';
import { validateInput } from '../validation/validate-input';
import { checkWebhookUrl } from './domain/address-guard';
import { NOTIFICATION_EVENTS, WEBHOOK_FORMATS } from './domain/notification';
import type { DeliveryRecord, Deliveries } from './store/deliveries';
import type { Webhook, Webhooks } from './store/webhooks';

/** Bounds: a webhook list is configuration, not data. */
export const MAX_WEBHOOKS = 200;
export const MAX_DELIVERIES_PAGE = 100;

const createSchema = z.object({
  url: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  events: z
    .array(z.enum(NOTIFICATION_EVENTS))
    .min(1, 'must name at least one event')
    .max(NOTIFICATION_EVENTS.length)
    .transform((events) => [...new Set(events)]),
  launchId: z.string().trim().min(1).max(200, 'must be at most 200 characters').nullish(),
  format: z.enum(WEBHOOK_FORMATS).nullish(),
  secret: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(256, 'must be at most 256 characters')
    .nullish(),
});

const idSchema = z.object({ id: z.string().trim().min(1).max(200) });

export interface CreatedWebhookView {
  readonly id: string;
  readonly secret: string;
}

/** The GraphQL-facing use cases of webhooks (gateway-local configuration, like tokens and mappings). */
export class ManageWebhooks {
  constructor(
    private readonly webhooks: Pick<Webhooks, 'add' | 'find' | 'remove' | 'list' | 'count'>,
    private readonly deliveries: Pick<Deliveries, 'ofWebhook'>,
    private readonly queries: Pick<ReadModelQueries, 'launch'>,
    private readonly allowPrivate: boolean,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(principal: Principal, input: unknown): Promise<Webhook> {
    const data = validateInput(createSchema, input);
    const url = checkWebhookUrl(data.url, this.allowPrivate);
    if (!url.ok) throw badUserInput([{ field: 'input.url', message: url.message }]);
    let launchId: string | null = null;
    if (data.launchId) {
      const launch = await this.queries.launch(data.launchId);
      if (launch === null)
        throw notFound(ErrorCodes.LAUNCH_NOT_FOUND, `No launch with id or key "${data.launchId}"`);
      launchId = launch.id;
    }
    if ((await this.webhooks.count()) >= MAX_WEBHOOKS)
      throw badUserInput([{ field: 'input', message: `at most ${MAX_WEBHOOKS} webhooks; delete one first` }]);
    return this.webhooks.add({
      id: newId(),
      url: url.url.toString(),
      events: data.events,
      launchId,
      format: data.format ?? 'CLOUDEVENTS',
      secret: data.secret ?? `whsec_${randomBytes(24).toString('base64url')}`,
      createdAt: this.clock().toISOString(),
      createdBy: principal.userId,
    });
  }

  async delete(input: unknown): Promise<Webhook | null> {
    const { id } = validateInput(idSchema, input);
    const webhook = await this.webhooks.find(id);
    if (webhook === null) return null;
    return (await this.webhooks.remove(id)) ? webhook : null;
  }

  list(): Promise<Webhook[]> {
    return this.webhooks.list();
  }

  async deliveriesOf(webhookId: string, first: number | null | undefined): Promise<DeliveryRecord[]> {
    const limit = first ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DELIVERIES_PAGE)
      throw badUserInput([{ field: 'first', message: `must be between 1 and ${MAX_DELIVERIES_PAGE}` }]);
    if ((await this.webhooks.find(webhookId)) === null)
      throw notFound(ErrorCodes.WEBHOOK_NOT_FOUND, `No webhook with id "${webhookId}"`);
    return this.deliveries.ofWebhook(webhookId, limit);
  }
}
