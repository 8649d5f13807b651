import type { MessageBus } from '@tminus/messaging';
import { ConsumerLag } from '@tminus/service-kit';
import { Gauge, type Registry } from 'prom-client';
import type { ProjectionLagMonitor } from '../gates/staleness/projection-lag-monitor';
import { PROJECTED_TOPICS } from '../read-model/projector/projector';

export const PROJECTION_LAG_METRIC = 'tminus_projection_lag_seconds';

export interface ProjectionMetricsInput {
  readonly bus: Pick<MessageBus, 'positions'>;
  /** The projector's consumer group. */
  readonly groupId: string;
  readonly lag: Pick<ProjectionLagMonitor, 'lagMs'>;
}

/**
 * The projector's side of the shared metrics: `tminus_consumer_lag` of its group (as the services report
 * theirs) and `tminus_projection_lag_seconds`, how long the oldest unprojected event has been waiting (the
 * same figure the gates compare with GATE_MAX_LAG_MS).
 */
export function watchProjection(registry: Registry, { bus, groupId, lag }: ProjectionMetricsInput): void {
  const consumerLag = new ConsumerLag(registry, bus.positions?.bind(bus));
  for (const topic of PROJECTED_TOPICS) consumerLag.watch(groupId, topic);
  new Gauge({
    name: PROJECTION_LAG_METRIC,
    help: 'Seconds the oldest event not yet in the read model has been waiting (0: caught up)',
    registers: [registry],
    collect() {
      this.set(lag.lagMs() / 1000);
    },
  });
}
