import { httpRequestMetrics } from '@tminus/service-kit';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { mergedMetrics } from './merged-metrics';

/**
 * The gateway's Prometheus metrics, in a registry of its own (tests run several gateways in one process).
 * The names shared by all four apps (docs/observability.md) come from service-kit or are spelt alike.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  /** `http_request_duration_seconds{method,route,status_code}`, as in the services. */
  readonly httpMiddleware = httpRequestMetrics(this.registry, { paths: ['/graphql'] });

  readonly gateDecisions = new Counter({
    name: 'tminus_gate_decisions_total',
    help: 'Release-gate evaluations (GraphQL, REST and GitHub), by result: the decision, or UNKNOWN_LAUNCH',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly eventsProjected = new Counter({
    name: 'tminus_gateway_events_projected_total',
    help: 'Envelopes the projector handled, by event type and whether they were new (applied) or seen before',
    labelNames: ['type', 'applied'] as const,
    registers: [this.registry],
  });

  readonly projectionSeconds = new Histogram({
    name: 'tminus_gateway_projection_seconds',
    help: 'Time to project one envelope (transaction included)',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'tminus_gateway_commands_total',
    help: 'Commands sent by mutations, by type and outcome (applied, accepted, rejected, timeout)',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commandSeconds = new Histogram({
    name: 'tminus_gateway_command_seconds',
    help: 'Time from publishing a command to its outcome being visible in the read model',
    labelNames: ['type'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly graphqlOperations = new Counter({
    name: 'tminus_gateway_graphql_operations_total',
    help: 'GraphQL operations over HTTP, by operation type and whether they had errors',
    labelNames: ['operation', 'result'] as const,
    registers: [this.registry],
  });

  readonly pendingCommands: Gauge;
  readonly subscriptions: Gauge;

  constructor(pending: () => number, subscriptions: () => number = () => 0) {
    collectDefaultMetrics({ register: this.registry });
    this.pendingCommands = new Gauge({
      name: 'tminus_gateway_pending_commands',
      help: 'Mutations waiting for their command outcome',
      registers: [this.registry],
      collect() {
        this.set(pending());
      },
    });
    this.subscriptions = new Gauge({
      name: 'tminus_gateway_subscriptions',
      help: 'Open GraphQL subscriptions on this instance',
      registers: [this.registry],
      collect() {
        this.set(subscriptions());
      },
    });
  }

  private inProcess: readonly Registry[] = [];

  /**
   * Serves the registries of services running in this process too (embedded mode), so `/metrics` shows
   * e.g. `tminus_command_duration_seconds` as the distributed services' do.
   */
  serveInProcess(registries: readonly Registry[]): void {
    this.inProcess = [...registries];
  }

  /** `/metrics` text (service-kit's MetricsSource). */
  metrics(): Promise<string> {
    return this.inProcess.length === 0
      ? this.registry.metrics()
      : mergedMetrics(this.registry, this.inProcess);
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
