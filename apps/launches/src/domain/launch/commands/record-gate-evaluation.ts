import { GATE_DECISIONS, type GateEvaluated, type RecordGateEvaluation } from '@tminus/contracts';
import type { ExistingLaunch } from '../state';
import { requireEnvironment, requireId, requireIsoDate, requireOneOf, requireTextList } from '../validation';

/**
 * An audit record of a decision the gateway already made: allowed in every status, CANCELLED and
 * CLOSED included (a pipeline asking about a cancelled launch is exactly what an audit should show).
 */
export const recordGateEvaluation = (
  command: RecordGateEvaluation,
  launch: ExistingLaunch,
): GateEvaluated[] => {
  const { data } = command;
  const evaluation = {
    launchId: launch.launchId,
    environment: requireEnvironment(data.environment),
    decision: requireOneOf(data.decision, GATE_DECISIONS, 'Gate decision'),
    reasons: requireTextList(data.reasons, 'Gate reasons'),
    position: requireId(data.position, 'Position'),
    evaluatedAt: requireIsoDate(data.evaluatedAt, 'Evaluation time'),
    evaluatedBy: requireId(data.evaluatedBy, 'Evaluated by'),
  };
  return [{ type: 'GateEvaluated', data: evaluation }];
};
