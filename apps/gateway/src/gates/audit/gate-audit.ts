import { ErrorCodes, type Actor, type RecordGateEvaluation } from '@tminus/contracts';
import type { Logger } from 'pino';
import type { OutgoingCommand, SendOptions } from '../../commands/command-sender';
import { GatewayError } from '../../errors/gateway-error';
import type { GateEvaluation } from '../../read-model/domain';

/** The part of the gateway's CommandSender the audit uses. */
export interface AuditPublisher {
  publishOnly(outgoing: OutgoingCommand, options: Omit<SendOptions, 'alsoAwait'>): Promise<string>;
}

export const recordGateEvaluationOf = (
  evaluation: GateEvaluation,
  evaluatedBy: string,
): RecordGateEvaluation => ({
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
 * it, the gate answers with an error rather than an unaudited decision.
 */
export class GateAudit {
  constructor(
    private readonly publisher: AuditPublisher,
    private readonly logger: Logger,
  ) {}

  async record(
    evaluation: GateEvaluation,
    actor: Actor,
    evaluatedBy: string = actor.userId,
  ): Promise<string> {
    try {
      return await this.publisher.publishOnly(
        {
          service: 'launches',
          aggregateId: evaluation.launchId,
          command: recordGateEvaluationOf(evaluation, evaluatedBy),
        },
        { actor },
      );
    } catch (error) {
      this.logger.error(
        { err: error, launchId: evaluation.launchId },
        'gate evaluation could not be recorded',
      );
      throw new GatewayError(
        ErrorCodes.INTERNAL,
        'The gate evaluation could not be recorded (the message bus refused it), so no decision is given; ask again',
      );
    }
  }
}
