import type { Logger } from 'pino';
import { DEFAULT_BACKOFF, nextAttemptAt, type BackoffPolicy } from '../domain/backoff';
import type { ClaimedDelivery, Deliveries } from '../store/deliveries';
import { postWebhook, type PostOptions, type PostOutcome } from './post-webhook';
import type { DeliveryOutcome, WebhookMetrics } from './webhook-metrics';

export interface DeliveryWorkerOptions {
  readonly deliveries: Deliveries;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly metrics?: WebhookMetrics;
  /** Requests in flight at most (default 8): a slow receiver holds a slot, never a command. */
  readonly concurrency?: number;
  /** Attempts in flight per webhook at most (default: half the slots): a hanging receiver cannot take every slot. */
  readonly perWebhook?: number;
  /** How often the outbox is looked at without a wake-up (retries, other instances; default 1 s). */
  readonly pollMs?: number;
  readonly post: PostOptions;
  readonly backoff?: BackoffPolicy;
  /** Finished deliveries are kept this long for webhookDeliveries (default 14 days). */
  readonly retentionMs?: number;
  readonly random?: () => number;
  /** Tests: the attempt (default: the real signed POST). */
  readonly send?: (delivery: ClaimedDelivery, options: PostOptions) => Promise<PostOutcome>;
}

const DEFAULT_RETENTION_MS = 14 * 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

const isSuccess = (outcome: PostOutcome): outcome is { kind: 'answered'; statusCode: number } =>
  outcome.kind === 'answered' && outcome.statusCode >= 200 && outcome.statusCode < 300;

/**
 * Sends what the outbox holds. Deliveries are leased for one attempt (timeout plus a margin), so after
 * a crash another attempt happens once the lease runs out: at least once, the same delivery id each
 * time. Commands never wait on any of this: the projection only writes rows.
 */
export class DeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private pruner: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();
  private readonly inFlightByWebhook = new Map<string, number>();
  private pumping: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(private readonly options: DeliveryWorkerOptions) {}

  private get concurrency(): number {
    return this.options.concurrency ?? 8;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 1_000);
    this.timer.unref();
    this.pruner = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.pruner.unref();
    this.wake();
  }

  private async prune(): Promise<void> {
    const before = this.options.clock().getTime() - (this.options.retentionMs ?? DEFAULT_RETENTION_MS);
    await this.options.deliveries
      .prune(new Date(before).toISOString())
      .catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'pruning old webhook deliveries failed'),
      );
  }

  /** Lets in-flight attempts finish (each is bounded by the request timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.pruner) clearInterval(this.pruner);
    this.timer = null;
    this.pruner = null;
    await this.pumping;
    await Promise.all([...this.inFlight]);
  }

  /** Something was queued (or a slot freed): look at the outbox now rather than at the next poll. */
  readonly wake = (): void => {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump()
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'webhook outbox read failed'))
      .finally(() => {
        this.pumping = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  };

  private async pump(): Promise<void> {
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0 || this.stopped) return;
    const now = this.options.clock();
    // Longer than one attempt can take (it is cut off at the timeout), short enough that a crashed
    // instance's attempts are taken up again within seconds.
    const leaseUntil = new Date(now.getTime() + 2 * this.options.post.timeoutMs + 5_000);
    const claimed = await this.options.deliveries.claimDue(
      now.toISOString(),
      leaseUntil.toISOString(),
      free,
      {
        perWebhook: this.options.perWebhook ?? Math.max(1, Math.floor(this.concurrency / 2)),
        inFlight: this.inFlightByWebhook,
      },
    );
    for (const delivery of claimed) {
      const busy = this.inFlightByWebhook;
      busy.set(delivery.webhookId, (busy.get(delivery.webhookId) ?? 0) + 1);
      const attempt = this.attempt(delivery).finally(() => {
        this.inFlight.delete(attempt);
        const left = (busy.get(delivery.webhookId) ?? 1) - 1;
        if (left > 0) busy.set(delivery.webhookId, left);
        else busy.delete(delivery.webhookId);
        this.wake();
      });
      this.inFlight.add(attempt);
    }
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const send = this.options.send ?? ((d, o) => postWebhook({ ...d, deliveryId: d.id }, o));
    const outcome = await send(delivery, this.options.post).catch((error: unknown): PostOutcome => ({
      kind: 'error',
      error: String(error),
      refused: false,
    }));
    try {
      await this.record(delivery, outcome);
    } catch (error) {
      // The lease runs out and the delivery is tried again: a duplicate, never a loss.
      this.options.logger.error(
        { err: error, deliveryId: delivery.id },
        'webhook delivery result not recorded',
      );
    }
  }

  private async record(delivery: ClaimedDelivery, outcome: PostOutcome): Promise<void> {
    const { deliveries, clock } = this.options;
    const now = clock();
    const attempts = delivery.attempts + 1;
    if (isSuccess(outcome)) {
      await deliveries.markDelivered(delivery.id, attempts, outcome.statusCode, now.toISOString());
      this.options.metrics?.latency.observe((now.getTime() - Date.parse(delivery.createdAt)) / 1000);
      return this.count('delivered');
    }
    const statusCode = outcome.kind === 'answered' ? outcome.statusCode : null;
    const error = outcome.kind === 'answered' ? `HTTP ${outcome.statusCode}` : outcome.error.slice(0, 500);
    // A refused address is no passing fault: retrying for a day would only repeat the refusal.
    const next =
      outcome.kind === 'error' && outcome.refused
        ? null
        : nextAttemptAt(
            this.options.backoff ?? DEFAULT_BACKOFF,
            new Date(delivery.createdAt),
            attempts,
            now,
            (this.options.random ?? Math.random)(),
          );
    await deliveries.markAttemptFailed(
      delivery.id,
      attempts,
      { statusCode, error },
      next?.toISOString() ?? null,
    );
    this.options.logger.warn(
      { deliveryId: delivery.id, attempts, statusCode, error, nextAttemptAt: next },
      'webhook delivery attempt failed',
    );
    this.count(
      next === null ? (outcome.kind === 'error' && outcome.refused ? 'refused' : 'failed') : 'retry',
    );
  }

  private count(outcome: DeliveryOutcome): void {
    this.options.metrics?.deliveries.inc({ outcome });
  }
}
