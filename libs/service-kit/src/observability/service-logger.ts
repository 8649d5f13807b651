import pino, { type Logger } from 'pino';

/** The logging surface the kit uses; a pino logger fits it as is. */
export type ServiceLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error' | 'child'>;

/** JSON lines on stdout at `level` (LOG_LEVEL), named after the service. */
export const createServiceLogger = (service: string, level = 'info'): Logger =>
  pino({ name: `tminus-${service}`, level });
