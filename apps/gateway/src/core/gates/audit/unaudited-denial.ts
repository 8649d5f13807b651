import type { GateEvaluation } from '../../read-model/domain';

/**
 * What a pipeline gets when its evaluation could not be audited in time: DENIED with READ_MODEL_STALE,
 * the answer every role gets while the broker stalls (the read model cannot be known fresh either),
 * so pipelines treat both alike (412, ask again shortly). An unaudited ALLOWED is never given.
 */
export function unauditedDenial(evaluation: GateEvaluation, timeoutMs: number): GateEvaluation {
  if (evaluation.reasons.some((reason) => reason.code === 'READ_MODEL_STALE'))
    return { ...evaluation, decision: 'DENIED' };
  const stale = {
    code: 'READ_MODEL_STALE' as const,
    teamId: null,
    teamKey: null,
    itemId: null,
    itemTitle: null,
    message: `The message bus did not take the audit record of this evaluation within ${timeoutMs} ms; ask again shortly`,
  };
  return { ...evaluation, decision: 'DENIED', reasons: [stale, ...evaluation.reasons] };
}
