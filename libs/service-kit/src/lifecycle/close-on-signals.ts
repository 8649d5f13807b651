import type { EventEmitter } from 'node:events';

export interface SignalLogger {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface CloseOnSignalsOptions {
  readonly close: () => Promise<void>;
  readonly logger: SignalLogger;
  /** A close that takes longer ends the process with code 1 (default 15 s). */
  readonly timeoutMs?: number;
  /** Where signals come from and how the process ends (the real process by default). */
  readonly process?: Pick<EventEmitter, 'on'> & { exit(code: number): void };
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The first SIGTERM/SIGINT closes gracefully and exits 0 (1 if closing failed or took too long);
 * a second one exits at once, for the operator who pressed Ctrl+C twice. Exiting explicitly matters:
 * a library's stray timer must not keep a stopped server alive.
 */
export function closeOnSignals(options: CloseOnSignalsOptions): void {
  const target = options.process ?? process;
  const { logger } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let closing = false;
  const onSignal = (signal: string): void => {
    if (closing) {
      logger.error({ signal }, 'second signal while shutting down: exiting now');
      target.exit(1);
      return;
    }
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long: exiting');
      target.exit(1);
    }, timeoutMs);
    timer.unref();
    options.close().then(
      () => {
        clearTimeout(timer);
        logger.info({}, 'stopped');
        target.exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        logger.error({ err: error }, 'unclean shutdown');
        target.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) target.on(signal, () => onSignal(signal));
}
