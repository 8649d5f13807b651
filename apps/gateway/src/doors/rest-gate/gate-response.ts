import type { GateDecisionKind, SupportStatus } from '@tminus/contracts';
import { blockerReasonOf, type BlockerReason } from '../../core/gates/blocker-reason';
import {
  incidentOrigin,
  openIncidentsBySeverity,
  type GateEvaluation,
  type IncidentOrigin,
  type ReadinessCounts,
} from '../../core/read-model/domain';

/** A pipeline log needs the worst few: the count says how many more there are. */
export const MAX_GATE_INCIDENTS = 20;

/**
 * The body of `GET /v1/gates/:launch`, the same for 200 (ALLOWED) and 412 (DENIED). Reasons have the
 * fields of the GraphQL `Blocker` (team = the team's key, item = the item's title, plus their ids),
 * so a pipeline reads the same words through either door.
 */
export interface GateResponseBody {
  readonly decision: GateDecisionKind;
  readonly reasons: readonly BlockerReason[];
  readonly readiness: { readonly ready: boolean; readonly percent: number; readonly counts: ReadinessCounts };
  readonly evaluatedAt: string;
  /** The read-model position (event sequence) the decision was computed from. */
  readonly position: string;
  readonly launch: { readonly id: string; readonly key: string };
  readonly environment: string;
  readonly policy: {
    readonly requireReady: boolean;
    readonly minReadinessPercent: number;
    readonly requireGoDecision: boolean;
    /** True when the launch set no policy for this environment and the default applied. */
    readonly isDefault: boolean;
  };
  /** Informational: support status never decides the gate. Incidents most severe first. */
  readonly support: {
    readonly status: SupportStatus;
    readonly openIncidents: number;
    readonly incidents: readonly IncidentOrigin[];
  };
}

export const GATE_STATUS: Readonly<Record<GateDecisionKind, number>> = { ALLOWED: 200, DENIED: 412 };

export const toGateResponse = (evaluation: GateEvaluation): GateResponseBody => ({
  decision: evaluation.decision,
  reasons: evaluation.reasons.map(blockerReasonOf),
  readiness: {
    ready: evaluation.readiness.ready,
    percent: evaluation.readiness.percent,
    counts: { ...evaluation.readiness.counts },
  },
  evaluatedAt: evaluation.evaluatedAt,
  position: evaluation.position,
  launch: { id: evaluation.launchId, key: evaluation.launchKey },
  environment: evaluation.environment,
  policy: {
    requireReady: evaluation.policy.requireReady,
    minReadinessPercent: evaluation.policy.minReadinessPercent,
    requireGoDecision: evaluation.policy.requireGoDecision,
    isDefault: evaluation.policy.isDefault,
  },
  support: {
    status: evaluation.support.status,
    openIncidents: evaluation.support.openIncidents.length,
    incidents: openIncidentsBySeverity(evaluation.support.openIncidents)
      .slice(0, MAX_GATE_INCIDENTS)
      .map(incidentOrigin),
  },
});
