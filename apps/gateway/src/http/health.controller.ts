import { Controller, Get, Header, Res, Inject } from '@nestjs/common';
import { GatewayHealth, type HealthStatus } from './gateway-health';
import { GatewayMetrics } from './gateway-metrics';

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

  /** 200 once the projector consumes and the database answers, 503 before (and when either fails). */
  @Get('health')
  async check(@Res({ passthrough: true }) response: StatusResponse): Promise<HealthStatus> {
    const status = await this.health.status();
    response.status(status.ok ? 200 : 503);
    return status;
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
