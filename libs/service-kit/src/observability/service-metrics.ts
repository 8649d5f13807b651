import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EventStore } from '@tminus/event-store';
import type { HandledCommand } from '../commands/command-processor';

/** How many pending outbox rows the lag gauges look at per scrape (enough to tell "a backlog"). */
const OUTBOX_SAMPLE = 1_000;

/**
 * A registry per service instance (not prom-client's global one): the embedded mode and the tests run
 * several services in one process, and each must expose only its own numbers.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly handled: Counter<'service' | 'type' | 'outcome'>;
  private readonly rejected: Counter<'service' | 'type' | 'code'>;
  private readonly duration: Histogram<'service' | 'outcome'>;

  constructor(
    readonly service: string,
    store: Pick<EventStore, 'pendingOutbox'>,
  ) {
    const registers = [this.registry];
    this.handled = new Counter({
      name: 'tminus_commands_handled_total',
      help: 'Commands handled, by outcome (ACCEPTED, REJECTED, DUPLICATE)',
      labelNames: ['service', 'type', 'outcome'],
      registers,
    });
    this.rejected = new Counter({
      name: 'tminus_commands_rejected_total',
      help: 'Commands rejected, by error code',
      labelNames: ['service', 'type', 'code'],
      registers,
    });
    this.duration = new Histogram({
      name: 'tminus_command_handle_seconds',
      help: 'Time to handle one command, transaction retries included',
      labelNames: ['service', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
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
    this.handled.inc({ service, type, outcome: result.status });
    if (result.status === 'REJECTED') this.rejected.inc({ service, type, code: result.code });
    this.duration.observe({ service, outcome: result.status }, durationMs / 1000);
  };

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
