import type { LoggerService } from '@nestjs/common';
import type { ServiceLogger } from './service-logger';

const text = (message: unknown): string => (typeof message === 'string' ? message : JSON.stringify(message));

/** Nest's own log lines (bootstrap, routes, errors) as pino JSON lines; routine chatter goes to debug. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: ServiceLogger) {}

  log(message: unknown, context?: string): void {
    this.logger.debug({ context }, text(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, text(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, text(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, text(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.debug({ context }, text(message));
  }
}
