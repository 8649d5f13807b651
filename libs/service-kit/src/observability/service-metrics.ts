import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EventStore } from '@tminus/event-store';
import type { HandledCommand } from '../commands/command-processor';
import { ConsumerLag, type PositionsOf } from './consumer-lag';
import { httpRequestMetrics } from './http-metrics';

/** How many pending outbox rows the lag gauges look at per scrape (enough to tell "a backlog"). */
const OUTBOX_SAMPLE = 1_000;

export const COMMAND_DURATION_METRIC = 'tminus_command_duration_seconds';

/**
 * A registry per service instance (not prom-client's global one): the embedded mode and the tests run
 * several services in one process, and each must expose only its own numbers. The names are the ones
 * every app uses (docs/observability.md lists them).
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  /** Feeds `tminus_consumer_lag`: the kit adds every subscription of the service. */
  readonly consumerLag: ConsumerLag;
  /** Express middleware feeding `http_request_duration_seconds`. */
  readonly httpMiddleware: ReturnType<typeof httpRequestMetrics>;
  private readonly duration: Histogram<'service' | 'command_type' | 'outcome'>;
  private readonly rejected: Counter<'service' | 'command_type' | 'code'>;

  constructor(
    readonly service: string,
    store: Pick<EventStore, 'pendingOutbox'>,
    positionsOf?: PositionsOf,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.httpMiddleware = httpRequestMetrics(this.registry);
    this.consumerLag = new ConsumerLag(this.registry, positionsOf);
    this.duration = new Histogram({
      name: COMMAND_DURATION_METRIC,
      help: 'Time to handle one command (transaction retries included), by type and outcome (ACCEPTED, REJECTED, DUPLICATE)',
      labelNames: ['service', 'command_type', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    // The one thing the duration's labels do not say: why a command was refused.
    this.rejected = new Counter({
      name: 'tminus_commands_rejected_total',
      help: 'Commands rejected, by type and error code',
      labelNames: ['service', 'command_type', 'code'],
      registers,
    });
    const pendingSample = (): Promise<{ count: number; oldestAgeSeconds: number }> =>
      store.pendingOutbox(OUTBOX_SAMPLE).then((pending) => ({
        count: pending.length,
        oldestAgeSeconds:
          pending.length === 0
            ? 0
            : Math.max(0, (Date.now() - Date.parse(pending[0].envelope.occurredAt)) / 1000),
      }));
    new Gauge({
      name: 'tminus_outbox_pending_messages',
      help: `Outbox messages not yet published (counted up to ${OUTBOX_SAMPLE})`,
      labelNames: ['service'],
      registers,
      async collect() {
        this.set({ service }, (await pendingSample()).count);
      },
    });
    new Gauge({
      name: 'tminus_outbox_relay_lag_seconds',
      help: 'Age of the oldest outbox message not yet published (0 when the relay is caught up)',
      labelNames: ['service'],
      registers,
      async collect() {
        this.set({ service }, (await pendingSample()).oldestAgeSeconds);
      },
    });
  }

  /** A CommandObserver: pass it to the processors. */
  readonly observe = ({ type, result, durationMs }: HandledCommand): void => {
    const { service } = this;
    this.duration.observe({ service, command_type: type, outcome: result.status }, durationMs / 1000);
    if (result.status === 'REJECTED') this.rejected.inc({ service, command_type: type, code: result.code });
  };

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
