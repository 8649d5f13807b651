import type { GateEvaluation } from '../../core/read-model/domain';
import { toGateResponse } from './gate-response';

/** Stands for evaluatedAt while the rest of a body is serialised; JSON writes it as this text. */
const AT_MARK = '\u0000evaluatedAt\u0000';
const AT_MARK_JSON = JSON.stringify(AT_MARK);

/** A body serialised once, split where evaluatedAt goes, with what it was built from. */
interface BodyTemplate {
  readonly from: GateEvaluation;
  readonly before: string;
  readonly after: string;
}

/**
 * Everything toGateResponse reads besides evaluatedAt, compared by identity for the nested parts:
 * the GateEvaluator hands out one evaluation per snapshot and environment until its next time
 * boundary, re-dated (evaluatedAt, readiness.computedAt) but sharing reasons, counts, policy and support.
 */
const sameBody = (a: GateEvaluation, b: GateEvaluation): boolean =>
  a.reasons === b.reasons &&
  a.decision === b.decision &&
  a.readiness.ready === b.readiness.ready &&
  a.readiness.percent === b.readiness.percent &&
  a.readiness.counts === b.readiness.counts &&
  a.position === b.position &&
  a.launchId === b.launchId &&
  a.launchKey === b.launchKey &&
  a.environment === b.environment &&
  a.policy === b.policy &&
  a.support === b.support;

/** Keyed by the reasons array: a fresh evaluation always has a new one. */
const templates = new WeakMap<GateEvaluation['reasons'], BodyTemplate>();

/**
 * `JSON.stringify(toGateResponse(evaluation))`, serialised once per evaluation the GateEvaluator
 * keeps and re-dated per check (mapping the reasons and serialising them was ≈5% of a check).
 */
export function gateBodyOf(evaluation: GateEvaluation): string {
  let template = templates.get(evaluation.reasons);
  if (template === undefined || !sameBody(template.from, evaluation)) {
    const json = JSON.stringify({ ...toGateResponse(evaluation), evaluatedAt: AT_MARK });
    const at = json.indexOf(AT_MARK_JSON);
    template = { from: evaluation, before: json.slice(0, at), after: json.slice(at + AT_MARK_JSON.length) };
    templates.set(evaluation.reasons, template);
  }
  return template.before + JSON.stringify(evaluation.evaluatedAt) + template.after;
}
