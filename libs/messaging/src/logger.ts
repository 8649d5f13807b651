/**
 * The logging surface the messaging code needs. A pino logger fits it as is
 * (`logger.warn({ topic }, 'message')`), and tests can pass {@link silentLogger}.
 */
export interface MessagingLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

const ignore = (): void => undefined;

export const silentLogger: MessagingLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/** Error details for structured logs: pino serialises Error objects only under the `err` key. */
export const errorFields = (error: unknown): { err: { name: string; message: string } } => ({
  err:
    error instanceof Error
      ? { name: error.name, message: error.message }
      : { name: 'NonError', message: String(error) },
});
