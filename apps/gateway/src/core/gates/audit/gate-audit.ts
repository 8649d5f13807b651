import { ErrorCodes, type Actor, type RecordGateEvaluation } from '@tminus/contracts';
import type { Logger } from 'pino';
import type { OutgoingCommand, SendOptions } from '../../commands/command-sender';
import { GatewayError } from '../../errors/gateway-error';
import type { GateEvaluation } from '../../read-model/domain';

/** How long an audit record may take to reach the bus by default (GATE_MAX_LAG_MS's default). */
export const DEFAULT_AUDIT_TIMEOUT_MS = 10_000;

/** The bus did not take the audit record in time (a broker stall): the caller fails closed. */
export class AuditTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The gate evaluation could not be recorded within ${timeoutMs} ms`);
    this.name = 'AuditTimeoutError';
  }
}

const TIMED_OUT = Symbol('timed out');

/** The part of the gateway's CommandSender the audit uses. */
export interface AuditPublisher {
  publishOnly(outgoing: OutgoingCommand, options: Omit<SendOptions, 'alsoAwait'>): Promise<string>;
}

const recordGateEvaluationOf = (evaluation: GateEvaluation, evaluatedBy: string): RecordGateEvaluation => ({
  type: 'RecordGateEvaluation',
  data: {
    launchId: evaluation.launchId,
    environment: evaluation.environment,
    decision: evaluation.decision,
    reasons: evaluation.reasons.map((reason) => reason.code),
    position: evaluation.position,
    evaluatedAt: evaluation.evaluatedAt,
    evaluatedBy,
  },
});

/**
 * Records a pipeline's gate evaluation as `RecordGateEvaluation` on the launch. The command is on the
 * bus before the caller answers (so it cannot be lost), but nobody waits for its outcome: the launches
 * service turns it into `GateEvaluated`, which then shows in the launch's history. If the bus refuses
 * it, the gate answers with an error rather than an unaudited decision; if the bus does not take it
 * within `timeoutMs` (a stalled broker: kafkajs retries for minutes), `record` throws AuditTimeoutError
 * and the gate fails closed (see CheckGate) instead of hanging.
 */
export class GateAudit {
  constructor(
    private readonly publisher: AuditPublisher,
    private readonly logger: Logger,
    private readonly timeoutMs: number = DEFAULT_AUDIT_TIMEOUT_MS,
  ) {}

  async record(
    evaluation: GateEvaluation,
    actor: Actor,
    evaluatedBy: string = actor.userId,
  ): Promise<string> {
    const published = this.publisher.publishOnly(
      {
        service: 'launches',
        aggregateId: evaluation.launchId,
        command: recordGateEvaluationOf(evaluation, evaluatedBy),
      },
      { actor },
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), this.timeoutMs);
    });
    try {
      const first = await Promise.race([published, timedOut]);
      if (first === TIMED_OUT) {
        this.settleLate(published, evaluation.launchId);
        throw new AuditTimeoutError(this.timeoutMs);
      }
      return first;
    } catch (error) {
      if (error instanceof AuditTimeoutError) throw error;
      this.logger.error(
        { err: error, launchId: evaluation.launchId },
        'gate evaluation could not be recorded',
      );
      throw new GatewayError(
        ErrorCodes.INTERNAL,
        'The gate evaluation could not be recorded (the message bus refused it), so no decision is given; ask again',
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /** The publish still runs after the answer went out (it cannot be withdrawn): log how it ends. */
  private settleLate(published: Promise<string>, launchId: string): void {
    published.then(
      (commandId) =>
        this.logger.warn({ commandId, launchId }, 'gate evaluation recorded after the gate answered'),
      (error: unknown) =>
        this.logger.error({ err: error, launchId }, 'gate evaluation could not be recorded'),
    );
  }
}
