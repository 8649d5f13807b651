import { Module, type DynamicModule } from '@nestjs/common';
import type { Notifications } from '../core/notifications/notifications';
import { ManageWebhooks } from '../core/notifications/manage-webhooks';
import { WebhooksResolver } from '../doors/graphql/webhooks/webhooks.resolver';

/** The webhook operations on the gateway's GraphQL API; the runtime (worker, scheduler) is started by startGateway. */
@Module({})
export class NotificationsModule {
  static register(notifications: Notifications): DynamicModule {
    return {
      module: NotificationsModule,
      providers: [{ provide: ManageWebhooks, useValue: notifications.manage }, WebhooksResolver],
    };
  }
}
