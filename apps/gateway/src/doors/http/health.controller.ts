import { Controller, Inject } from '@nestjs/common';
import { ObservabilityController } from '@tminus/service-kit';
import { GatewayHealth } from '../../core/observability/gateway-health';
import { GatewayMetrics } from '../../core/observability/gateway-metrics';

/**
 * service-kit's `/health` (= `/health/ready`: 503 while the database, its writes or the projector fail),
 * `/health/live` and `/metrics`: the same routes and JSON as the three services.
 */
@Controller()
export class HealthController extends ObservabilityController {
  constructor(@Inject(GatewayHealth) health: GatewayHealth, @Inject(GatewayMetrics) metrics: GatewayMetrics) {
    super(health, metrics);
  }
}
