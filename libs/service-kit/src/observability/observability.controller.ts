import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { HealthReport, ServiceHealth } from './service-health';
import type { ServiceMetrics } from './service-metrics';

export const SERVICE_HEALTH = Symbol('SERVICE_HEALTH');
export const SERVICE_METRICS = Symbol('SERVICE_METRICS');

/** The part of the HTTP response these routes touch (express' Response has it). */
interface StatusResponse {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

@Controller()
export class ObservabilityController {
  constructor(
    @Inject(SERVICE_HEALTH) private readonly health: ServiceHealth,
    @Inject(SERVICE_METRICS) private readonly serviceMetrics: ServiceMetrics,
  ) {}

  @Get('health')
  async getHealth(@Res({ passthrough: true }) response: StatusResponse): Promise<HealthReport> {
    const report = await this.health.report();
    response.status(report.healthy ? 200 : 503);
    return report;
  }

  @Get('metrics')
  async getMetrics(@Res({ passthrough: true }) response: StatusResponse): Promise<string> {
    response.setHeader('Content-Type', this.serviceMetrics.contentType);
    return this.serviceMetrics.metrics();
  }
}
