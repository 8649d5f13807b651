import type { GateEvaluation } from '../../../core/read-model/domain';
import { toBlocker, toReadiness } from '../launches/readiness.mapper';
import type { GateDecision } from './gate.types';

export const toGateDecision = (evaluation: GateEvaluation): GateDecision => ({
  launchId: evaluation.launchId,
  launchKey: evaluation.launchKey,
  environment: evaluation.environment,
  decision: evaluation.decision,
  reasons: evaluation.reasons.map(toBlocker),
  evaluatedAt: evaluation.evaluatedAt,
  readiness: toReadiness(evaluation.readiness),
  position: evaluation.position,
  policy: { ...evaluation.policy },
});
