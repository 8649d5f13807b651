import { ErrorCodes } from '@tminus/contracts';
import { authorize } from '../auth/access-control';
import { actorOf, type Principal } from '../auth/principal';
import { badUserInput, notFound } from '../errors/gateway-error';
import type { GateEvaluation } from '../read-model/domain';
import { AuditTimeoutError } from './audit/await-recorded';
import type { GateAudit } from './audit/gate-audit';
import { unauditedDenial } from './audit/unaudited-denial';
import { parseGateEnvironment } from './gate-environment';

/** Decides (launch, environment): the gateway's GateEvaluator, with this instance's staleness. */
export interface GateDecider {
  evaluate(launchRef: string, environment: string): Promise<GateEvaluation | null>;
}

const MAX_LAUNCH_REF = 200;

/**
 * The REST gate's use case: who may ask (every role may read gates, TEAM_MEMBER included: a decision
 * reveals no more than the launch's readiness, which members see anyway), what they asked, the
 * decision, and the audit of a PIPELINE token's evaluation (DENIED READ_MODEL_STALE when the bus does
 * not take the audit record in time).
 */
export class CheckGate {
  constructor(
    private readonly decider: GateDecider,
    private readonly audit: Pick<GateAudit, 'record'>,
  ) {}

  async check(
    principal: Principal | null,
    launchRef: unknown,
    environmentParam: unknown,
  ): Promise<GateEvaluation> {
    const caller = authorize(principal, 'gate');
    const environment = parseGateEnvironment(environmentParam);
    if (!environment.ok) throw badUserInput([{ field: 'environment', message: environment.message }]);
    if (typeof launchRef !== 'string' || launchRef.trim() === '' || launchRef.length > MAX_LAUNCH_REF) {
      throw badUserInput([
        { field: 'launch', message: `must be a launch key or id of 1-${MAX_LAUNCH_REF} characters` },
      ]);
    }
    const evaluation = await this.decider.evaluate(launchRef.trim(), environment.environment);
    if (evaluation === null)
      throw notFound(ErrorCodes.LAUNCH_NOT_FOUND, `No launch with key or id ${JSON.stringify(launchRef)}`);
    if (caller.role !== 'PIPELINE') return evaluation;
    try {
      await this.audit.record(evaluation, actorOf(caller));
    } catch (error) {
      // A stalled bus: fail closed now rather than keep the pipeline waiting on the broker.
      if (error instanceof AuditTimeoutError) return unauditedDenial(evaluation, error.timeoutMs);
      throw error;
    }
    return evaluation;
  }
}
