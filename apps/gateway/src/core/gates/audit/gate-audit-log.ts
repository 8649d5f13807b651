import { type Actor, type EventEnvelope, type GateEvaluated } from '@tminus/contracts';
import type { Logger } from 'pino';
import type { GateEvaluation } from '../../read-model/domain';
import type { ReadModelDb } from '../../read-model/store/database';
import { EventLog } from '../../read-model/store/event-log';
import { GateLastEvaluations } from '../../read-model/store/gate-last-evaluations';
import { auditEventId } from './audit-event-id';
import { awaitRecorded, DEFAULT_AUDIT_TIMEOUT_MS } from './await-recorded';
import { GroupCommit } from './group-commit';

/** The source of the audit envelopes the gateway writes itself (as AuditTrail's). */
const GATEWAY_SOURCE = 'tminus.gateway';

type GateEvaluatedData = GateEvaluated['data'];

/** A pipeline's evaluation as the `GateEvaluated` event the launches service used to write for it. */
export const gateEvaluatedOf = (
  evaluation: GateEvaluation,
  actor: Actor,
  evaluatedBy: string,
): EventEnvelope => {
  const id = auditEventId();
  return {
    id,
    type: 'GateEvaluated',
    schemaVersion: 1,
    source: GATEWAY_SOURCE,
    streamId: evaluation.launchId,
    // Position 0: a marker of the gateway's own, never a launch-stream event (rebuilds pass it by).
    streamPosition: 0,
    occurredAt: evaluation.evaluatedAt,
    correlationId: id,
    causationId: id,
    actor,
    data: {
      // As the launches service wrote it, so history, auditLog and launchAsOf read it alike.
      launchId: evaluation.launchId,
      environment: evaluation.environment,
      decision: evaluation.decision,
      reasons: evaluation.reasons.map((reason) => reason.code),
      position: evaluation.position,
      evaluatedAt: evaluation.evaluatedAt,
      evaluatedBy,
    },
  };
};

const lastEvaluationOf = (envelope: EventEnvelope) => {
  const { launchId, ...evaluation } = envelope.data as GateEvaluatedData;
  return { launchId, evaluation };
};

/**
 * The pipeline gate's audit, appended to the gateway's own event log (`rm_events`, the table
 * `auditLog` and launch histories read) instead of a command on the launch's stream: no broker, no
 * launches service, no stream lock between a check and its answer. Concurrent checks share one
 * transaction (GroupCommit), and `record` resolves only once its row is committed, so an answered check
 * survives a kill -9. Same contract as GateAudit: a database that does not commit within `timeoutMs`
 * makes `record` throw AuditTimeoutError (the gate fails closed); a failed commit is a GatewayError.
 */
export class GateAuditLog {
  private readonly group: GroupCommit<EventEnvelope>;

  constructor(
    db: ReadModelDb,
    private readonly logger: Logger,
    private readonly timeoutMs: number = DEFAULT_AUDIT_TIMEOUT_MS,
  ) {
    this.group = new GroupCommit((envelopes) =>
      db.transaction(async (sql) => {
        await new EventLog(sql).appendMany(
          envelopes.map((envelope) => ({ envelope, launchId: envelope.streamId })),
        );
        await new GateLastEvaluations(sql).record(envelopes.map(lastEvaluationOf));
      }),
    );
  }

  /** Returns the audit event's id once it is committed. */
  async record(
    evaluation: GateEvaluation,
    actor: Actor,
    evaluatedBy: string = actor.userId,
  ): Promise<string> {
    const envelope = gateEvaluatedOf(evaluation, actor, evaluatedBy);
    const committed = this.group.add(envelope);
    await awaitRecorded(committed, {
      timeoutMs: this.timeoutMs,
      logger: this.logger,
      launchId: evaluation.launchId,
      refusedBy: 'the audit log',
    });
    return envelope.id;
  }

  /** Settles once every record made so far is committed (for an orderly shutdown). */
  flushed(): Promise<void> {
    return this.group.flushed();
  }
}
