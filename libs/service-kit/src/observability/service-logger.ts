import { traceLogFields } from '@tminus/tracing';
import pino, { type DestinationStream, type Logger } from 'pino';

/** The logging surface the kit uses; a pino logger fits it as is. */
export type ServiceLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error' | 'child'>;

/**
 * JSON lines on stdout at `level` (LOG_LEVEL), named `tminus-<app>`, the same in all four apps. Every
 * line written inside a traced request carries its `trace_id` and `span_id` (child loggers too).
 */
export const createServiceLogger = (
  service: string,
  level = 'info',
  destination?: DestinationStream,
): Logger => pino({ name: `tminus-${service}`, level, mixin: traceLogFields }, destination);
