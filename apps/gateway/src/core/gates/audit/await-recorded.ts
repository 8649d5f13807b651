import { ErrorCodes } from '@tminus/contracts';
import type { Logger } from 'pino';
import { GatewayError } from '../../errors/gateway-error';

/** How long an audit record may take by default (GATE_MAX_LAG_MS's default). */
export const DEFAULT_AUDIT_TIMEOUT_MS = 10_000;

/** The audit was not recorded in time (a broker stall, a database that does not commit): the caller fails closed. */
export class AuditTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The gate evaluation could not be recorded within ${timeoutMs} ms`);
    this.name = 'AuditTimeoutError';
  }
}

export interface AwaitRecordedOptions {
  readonly timeoutMs: number;
  readonly logger: Logger;
  readonly launchId: string;
  /** Named in the refusal: what did not take the record ("the message bus", "the audit log"). */
  readonly refusedBy: string;
}

const TIMED_OUT = Symbol('timed out');

/**
 * The one rule of both gate audits: no decision without its record. Resolves with the recording's value;
 * throws AuditTimeoutError when it takes longer than `timeoutMs` (it still runs, and how it ends is logged:
 * it cannot be withdrawn), and a GatewayError INTERNAL when it fails.
 */
export async function awaitRecorded<T>(recording: Promise<T>, options: AwaitRecordedOptions): Promise<T> {
  const { timeoutMs, logger, launchId, refusedBy } = options;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  try {
    const first = await Promise.race([recording, timedOut]);
    if (first === TIMED_OUT) {
      recording.then(
        () => logger.warn({ launchId }, 'gate evaluation recorded after the gate answered'),
        (error: unknown) => logger.error({ err: error, launchId }, 'gate evaluation could not be recorded'),
      );
      throw new AuditTimeoutError(timeoutMs);
    }
    return first;
  } catch (error) {
    if (error instanceof AuditTimeoutError) throw error;
    logger.error({ err: error, launchId }, 'gate evaluation could not be recorded');
    throw new GatewayError(
      ErrorCodes.INTERNAL,
      `The gate evaluation could not be recorded (${refusedBy} refused it), so no decision is given; ask again`,
    );
  } finally {
    clearTimeout(timer);
  }
}
