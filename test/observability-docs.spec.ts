import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceMetrics } from '@tminus/service-kit';
import { GatewayMetrics } from '../apps/gateway/src/core/observability/gateway-metrics';
import { watchProjection } from '../apps/gateway/src/core/observability/projection-metrics';
import { WebhookMetrics } from '../apps/gateway/src/core/notifications/delivery/webhook-metrics';

/** prom-client's process_* and nodejs_* defaults: documented as a family, not one by one. */
const isDefault = (name: string): boolean => /^(process|nodejs)_/.test(name);

const namesOf = (registry: { getMetricsAsJSON(): Promise<{ name: string }[]> }) =>
  registry.getMetricsAsJSON().then((metrics) => metrics.map(({ name }) => name).filter((n) => !isDefault(n)));

// docs/observability.md lists every metric an app registers: a new one without a line there fails here.
describe('docs/observability.md', () => {
  const doc = readFileSync(join(__dirname, '..', 'docs', 'observability.md'), 'utf8');

  it('lists every metric of the services and the gateway', async () => {
    const service = new ServiceMetrics('teams', { pendingOutbox: async () => [] });
    const gateway = new GatewayMetrics(() => 0);
    new WebhookMetrics(gateway.registry);
    watchProjection(gateway.registry, { bus: {}, groupId: 'gateway-docs', lag: { lagMs: () => 0 } });
    const names = [...(await namesOf(service.registry)), ...(await namesOf(gateway.registry))];

    expect(names).toEqual(
      expect.arrayContaining([
        'http_request_duration_seconds',
        'tminus_consumer_lag',
        'tminus_command_duration_seconds',
        'tminus_projection_lag_seconds',
        'tminus_gate_decisions_total',
        'tminus_webhook_deliveries_total',
      ]),
    );
    expect(names.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });
});
