import { Controller, Get, Inject, Res } from '@nestjs/common';
import { LIVE_REPORT, type HealthReport, type HealthSource } from './service-health';

export const SERVICE_HEALTH = Symbol('SERVICE_HEALTH');
export const SERVICE_METRICS = Symbol('SERVICE_METRICS');

/** What `/metrics` serves: a Prometheus registry has both. */
export interface MetricsSource {
  metrics(): Promise<string>;
  readonly contentType: string;
}

/** The part of the HTTP response these routes touch (express' Response has it). */
interface StatusResponse {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

/**
 * `/health` (= `/health/ready`, the readiness probe), `/health/live` (the liveness probe) and
 * `/metrics`, the same in all four apps (the gateway registers it too).
 */
@Controller()
export class ObservabilityController {
  constructor(
    @Inject(SERVICE_HEALTH) private readonly health: HealthSource,
    @Inject(SERVICE_METRICS) private readonly serviceMetrics: MetricsSource,
  ) {}

  @Get('health')
  async getHealth(@Res({ passthrough: true }) response: StatusResponse): Promise<HealthReport> {
    const report = await this.health.report();
    response.status(report.status === 'up' ? 200 : 503);
    return report;
  }

  @Get('health/ready')
  getReady(@Res({ passthrough: true }) response: StatusResponse): Promise<HealthReport> {
    return this.getHealth(response);
  }

  @Get('health/live')
  getLive(): HealthReport {
    return LIVE_REPORT;
  }

  @Get('metrics')
  async getMetrics(@Res({ passthrough: true }) response: StatusResponse): Promise<string> {
    response.setHeader('Content-Type', this.serviceMetrics.contentType);
    return this.serviceMetrics.metrics();
  }
}
