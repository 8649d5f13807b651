import type { Actor, RecordGateEvaluation } from '@tminus/contracts';
import type { Logger } from 'pino';
import type { OutgoingCommand, SendOptions } from '../../commands/command-sender';
import type { GateEvaluation } from '../../read-model/domain';
import { awaitRecorded, DEFAULT_AUDIT_TIMEOUT_MS } from './await-recorded';

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
    return awaitRecorded(published, {
      timeoutMs: this.timeoutMs,
      logger: this.logger,
      launchId: evaluation.launchId,
      refusedBy: 'the message bus',
    });
  }
}
