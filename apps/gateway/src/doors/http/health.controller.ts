import { Controller, Get, Header, Res, Inject } from '@nestjs/common';
import { GatewayHealth, type HealthStatus } from '../../core/observability/gateway-health';
import { GatewayMetrics } from '../../core/observability/gateway-metrics';

/** The part of the HTTP response the controllers set (Express's response has it). */
interface StatusResponse {
  status(code: number): unknown;
}

@Controller()
export class HealthController {
  constructor(
    @Inject(GatewayHealth) private readonly health: GatewayHealth,
    @Inject(GatewayMetrics) private readonly metrics: GatewayMetrics,
  ) {}

  /**
   * Readiness: 200 once the projector consumes and the database takes writes, 503 before and whenever
   * either fails (a full disk, a database gone), back to 200 when they work again.
   */
  @Get(['health', 'health/ready'])
  async check(@Res({ passthrough: true }) response: StatusResponse): Promise<HealthStatus> {
    const status = await this.health.status();
    response.status(status.ok ? 200 : 503);
    return status;
  }

  /** Liveness: the process answers HTTP (no dependency is checked: restarting would not fix them). */
  @Get('health/live')
  live(): { ok: true } {
    return { ok: true };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
