import { Inject, Optional } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { authorize } from '../../../core/auth/access-control';
import { actorOf } from '../../../core/auth/principal';
import type { GatewayContext } from '../../graphql/common/gateway-context';
import { AuditTrail } from '../../../core/read-model/audit/audit-trail';
import type { Webhook as StoredWebhook } from '../../../core/notifications/store/webhooks';
import { ManageWebhooks } from '../../../core/notifications/manage-webhooks';
import {
  CreatedWebhook,
  CreateWebhookInput,
  DeleteWebhookInput,
  Webhook,
  WebhookDelivery,
} from './webhook.graphql-types';

/** Never the secret: it is shown once, by createWebhook. */
const toGraphql = (webhook: StoredWebhook): Webhook => ({
  id: webhook.id,
  url: webhook.url,
  events: [...webhook.events],
  launchId: webhook.launchId,
  format: webhook.format,
  createdAt: webhook.createdAt,
  createdBy: webhook.createdBy,
});

// The URL may carry a token in its path (Slack's do): the audit log names the host only.
const hostOf = (url: string): string => new URL(url).host;

/** Outgoing notifications: webhooks (ADMIN and LAUNCH_MANAGER) and what was delivered to them. */
@Resolver()
export class WebhooksResolver {
  constructor(
    @Inject(ManageWebhooks) private readonly manage: ManageWebhooks,
    @Optional() @Inject(AuditTrail) private readonly audit: AuditTrail | null,
  ) {}

  @Mutation(() => CreatedWebhook, {
    description: 'Registers a webhook; the secret is shown once (generated when not given).',
  })
  async createWebhook(
    @Args('input', { type: () => CreateWebhookInput }) input: CreateWebhookInput,
    @Context() ctx: GatewayContext,
  ): Promise<CreatedWebhook> {
    const principal = authorize(ctx.principal, 'createWebhook');
    const webhook = await this.manage.create(principal, input);
    await this.audit?.record({
      type: 'WebhookCreated',
      subjectId: webhook.id,
      actor: actorOf(principal),
      launchId: webhook.launchId,
      summary: `Webhook to ${hostOf(webhook.url)} created (${webhook.format}: ${webhook.events.join(', ')})`,
      data: {
        webhookId: webhook.id,
        host: hostOf(webhook.url),
        events: [...webhook.events],
        format: webhook.format,
      },
    });
    return { id: webhook.id, secret: webhook.secret };
  }

  @Mutation(() => Boolean, {
    description: 'Deletes a webhook and its queued deliveries; true when there was one.',
  })
  async deleteWebhook(
    @Args('input', { type: () => DeleteWebhookInput }) input: DeleteWebhookInput,
    @Context() ctx: GatewayContext,
  ): Promise<boolean> {
    const principal = authorize(ctx.principal, 'deleteWebhook');
    const deleted = await this.manage.delete(input);
    if (deleted === null) return false;
    await this.audit?.record({
      type: 'WebhookDeleted',
      subjectId: deleted.id,
      actor: actorOf(principal),
      launchId: deleted.launchId,
      summary: `Webhook to ${hostOf(deleted.url)} deleted`,
      data: { webhookId: deleted.id, host: hostOf(deleted.url) },
    });
    return true;
  }

  @Query(() => [Webhook])
  async webhooks(@Context() ctx: GatewayContext): Promise<Webhook[]> {
    authorize(ctx.principal, 'webhooks');
    return (await this.manage.list()).map(toGraphql);
  }

  @Query(() => [WebhookDelivery], { description: 'Newest first (default 20, at most 100).' })
  async webhookDeliveries(
    @Args('webhookId', { type: () => ID }) webhookId: string,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Context() ctx: GatewayContext,
  ): Promise<WebhookDelivery[]> {
    authorize(ctx.principal, 'webhookDeliveries');
    return this.manage.deliveriesOf(webhookId, first);
  }
}
