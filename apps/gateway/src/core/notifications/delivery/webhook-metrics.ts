import { Counter, Histogram, type Registry } from 'prom-client';

export type DeliveryOutcome = 'delivered' | 'retry' | 'failed' | 'refused';

/** The webhook metrics, in the gateway's registry (served at /metrics with the others). */
export class WebhookMetrics {
  readonly deliveries: Counter<'outcome'>;
  readonly latency: Histogram;

  constructor(registry: Registry) {
    this.deliveries = new Counter({
      name: 'tminus_webhook_deliveries_total',
      help: 'Webhook delivery attempts by outcome: delivered, retry (a failed attempt to be retried), failed (given up), refused (address not allowed)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'tminus_webhook_delivery_seconds',
      help: 'From a delivery being queued to the receiver accepting it',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300, 3600],
      registers: [registry],
    });
  }
}
