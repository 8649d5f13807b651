import {
  defaultGatePolicy,
  type GateDecisionKind,
  type GatePolicy,
  type LaunchStatus,
  type SupportStatus,
} from '@tminus/contracts';
import type { Blocker, LaunchReadiness } from '../readiness/readiness.types';
import { openIncidents, supportStatus } from '../support/support-status';
import type { IncidentView, LaunchView } from '../views';

/** The caller decides whether its read model lags the event log; the gate only turns that into a reason. */
export interface Staleness {
  readonly stale: boolean;
  /** Shown in the reason, e.g. "3 events behind on tminus.checklists.events". */
  readonly detail?: string;
}

export interface GateInput {
  readonly launch: LaunchView;
  /** Computed for the same launch at the same `now`. */
  readonly readiness: LaunchReadiness;
  readonly environment: string;
  readonly now: Date;
  /** The event-log position the read model stood at (a string: PostgreSQL bigints arrive as strings). */
  readonly position: string;
  readonly staleness?: Staleness;
}

/**
 * Post-launch support when the gate was asked. It never decides the gate (the product contract's rules
 * are readiness, GO and cancellation), but a pipeline deploying into open incidents should see them.
 */
export interface GateSupport {
  readonly status: SupportStatus;
  readonly openIncidents: readonly IncidentView[];
}

export interface AppliedGatePolicy extends GatePolicy {
  readonly environment: string;
  /** True when the launch set no policy for this environment and the default applied. */
  readonly isDefault: boolean;
}

export interface GateEvaluation {
  readonly launchId: string;
  readonly launchKey: string;
  readonly environment: string;
  readonly decision: GateDecisionKind;
  /** Empty if and only if ALLOWED. */
  readonly reasons: readonly Blocker[];
  readonly readiness: LaunchReadiness;
  readonly evaluatedAt: string;
  readonly position: string;
  readonly policy: AppliedGatePolicy;
  readonly support: GateSupport;
}

export const policyFor = (launch: LaunchView, environment: string): AppliedGatePolicy => {
  const set = launch.gatePolicies.find((policy) => policy.environment === environment);
  if (set !== undefined) return { ...set, isDefault: false };
  return { ...defaultGatePolicy(environment), environment, isDefault: true };
};

/** A launch that reached GO and went on (live, then closed) still carries its GO decision. */
const GO_STATUSES: ReadonlySet<LaunchStatus> = new Set<LaunchStatus>(['GO', 'HYPERCARE', 'CLOSED']);
export const hasGoDecision = (launch: LaunchView): boolean => GO_STATUSES.has(launch.status);

const reason = (code: Blocker['code'], message: string): Blocker => ({
  code,
  teamId: null,
  teamKey: null,
  itemId: null,
  itemTitle: null,
  message,
});

const staleReason = (staleness: Staleness | undefined): Blocker[] =>
  staleness?.stale
    ? [
        reason(
          'READ_MODEL_STALE',
          `The read model is behind the event log${staleness.detail ? ` (${staleness.detail})` : ''}; ask again shortly`,
        ),
      ]
    : [];

const noGoReason = (launch: LaunchView): Blocker => {
  const { decision } = launch;
  const message =
    decision?.decision === 'NO_GO'
      ? `The last go/no-go decision was NO_GO${decision.notes ? `: ${decision.notes}` : ''}`
      : `No GO decision has been recorded for launch ${launch.key}`;
  return reason('NO_GO_DECISION', message);
};

/**
 * What the policy demands of a launch that is not cancelled. A policy requiring readiness lists every
 * readiness blocker; requiring readiness implies 100%, so the threshold only speaks when it does not.
 */
const policyReasons = (input: GateInput, policy: GatePolicy): Blocker[] => {
  const { launch, readiness, environment } = input;
  const reasons: Blocker[] = [];
  if (policy.requireGoDecision && !hasGoDecision(launch)) reasons.push(noGoReason(launch));
  if (policy.requireReady) {
    reasons.push(...readiness.blockers);
  } else if (readiness.percent < policy.minReadinessPercent) {
    const message = `Readiness is ${readiness.percent}%, below the ${policy.minReadinessPercent}% the ${environment} gate requires`;
    reasons.push(reason('READINESS_BELOW_THRESHOLD', message));
  }
  return reasons;
};

/**
 * The release gate for (launch, environment): the launch's own policy for that environment, else
 * `defaultGatePolicy` (production: ready and GO; elsewhere: anything but cancelled). A cancelled launch
 * is denied everywhere with LAUNCH_CANCELLED alone. Pure: recording the evaluation is the caller's job.
 */
export const evaluateGate = (input: GateInput): GateEvaluation => {
  const { launch, environment, now, position, readiness } = input;
  const policy = policyFor(launch, environment);
  const launchReasons =
    launch.status === 'CANCELLED'
      ? [reason('LAUNCH_CANCELLED', `Launch ${launch.key} is cancelled`)]
      : policyReasons(input, policy);
  const reasons = [...staleReason(input.staleness), ...launchReasons];
  return {
    launchId: launch.id,
    launchKey: launch.key,
    environment,
    decision: reasons.length === 0 ? 'ALLOWED' : 'DENIED',
    reasons,
    readiness,
    evaluatedAt: now.toISOString(),
    position,
    policy,
    support: { status: supportStatus(launch), openIncidents: openIncidents(launch) },
  };
};
