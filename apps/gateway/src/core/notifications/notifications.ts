import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Projector } from '../read-model/projector/projector';
import type { ReadModelQueries } from '../read-model/queries/read-model-queries';
import type { ReadModelDb } from '../read-model/store/database';
import { DeliveryWorker } from './delivery/delivery-worker';
import type { PostOptions, PostOutcome } from './delivery/post-webhook';
import { WebhookMetrics } from './delivery/webhook-metrics';
import { isolatedStep } from './detection/isolated-step';
import { notificationStep } from './detection/notification-step';
import type { NotificationsConfig } from './notifications-config';
import { DueScheduler } from './scheduler/due-scheduler';
import { Deliveries, type ClaimedDelivery } from './store/deliveries';
import { ensureNotificationsSchema } from './store/notifications-schema';
import { Webhooks } from './store/webhooks';
import { ManageWebhooks } from './manage-webhooks';

export interface NotificationsDeps {
  readonly db: ReadModelDb;
  readonly projector: Projector;
  readonly queries: Pick<ReadModelQueries, 'launch'>;
  readonly registry: Registry;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly config: NotificationsConfig;
  /** Tests: replaces the HTTP attempt. */
  readonly send?: (delivery: ClaimedDelivery, options: PostOptions) => Promise<PostOutcome>;
}

/**
 * Outgoing notifications of one gateway instance: detection in the projector's transaction, the
 * due-date scheduler, the delivery worker, and the webhook use cases the GraphQL resolver calls.
 */
export class Notifications {
  readonly manage: ManageWebhooks;
  readonly deliveries: Deliveries;
  readonly worker: DeliveryWorker;
  readonly scheduler: DueScheduler;
  private readonly logger: Logger;
  private detach: (() => void) | null = null;

  constructor(private readonly deps: NotificationsDeps) {
    const logger = deps.logger.child({ component: 'notifications' });
    const metrics = new WebhookMetrics(deps.registry);
    this.deliveries = new Deliveries(deps.db);
    this.manage = new ManageWebhooks(
      new Webhooks(deps.db),
      this.deliveries,
      deps.queries,
      deps.config.allowPrivate,
      deps.clock,
    );
    this.worker = new DeliveryWorker({
      deliveries: this.deliveries,
      logger,
      clock: deps.clock,
      metrics,
      concurrency: deps.config.concurrency,
      pollMs: deps.config.pollMs,
      post: { timeoutMs: deps.config.timeoutMs, allowPrivate: deps.config.allowPrivate },
      backoff: deps.config.backoff,
      send: deps.send,
    });
    this.scheduler = new DueScheduler({
      db: deps.db,
      clock: deps.clock,
      logger,
      intervalMs: deps.config.schedulerIntervalMs,
      onQueued: this.worker.wake,
    });
    this.logger = logger;
  }

  /** Call before the projector starts, so no event is projected without its notifications. */
  async start(): Promise<void> {
    await ensureNotificationsSchema(this.deps.db);
    let queued = false;
    const removeStep = this.deps.projector.addTransactionStep(
      isolatedStep(notificationStep(this.deps.clock), this.logger, () => (queued = true)),
    );
    // After the commit: the rows are there, the worker can take them at once (and is left alone when
    // nothing was queued; the poll catches anything this misses).
    const removeListener = this.deps.projector.onProjected(() => {
      if (!queued) return;
      queued = false;
      this.worker.wake();
    });
    this.detach = () => {
      removeStep();
      removeListener();
    };
    this.worker.start();
    this.scheduler.start();
  }

  async stop(): Promise<void> {
    this.detach?.();
    this.detach = null;
    await this.scheduler.stop();
    await this.worker.stop();
  }
}
