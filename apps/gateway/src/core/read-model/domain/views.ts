import type {
  IncidentSource,
  GateDecisionKind,
  GatePolicy,
  GoDecision,
  ItemState,
  LaunchStatus,
  Severity,
  TeamFunction,
  TeamRole,
  TemplateItemSpec,
} from '@tminus/contracts';

// Documents are plain JSON (arrays, never maps or records keyed by ids), so storage can keep them as
// jsonb/text as they are, and ids like "__proto__" can never hit Object.prototype.

export interface RecordedDecisionView {
  readonly decision: GoDecision;
  readonly notes: string | null;
  readonly by: string;
  readonly at: string;
}

export interface HypercareView {
  readonly wentLiveAt: string;
  readonly endsAt: string;
  /** Days granted so far (the initial period plus every extension). */
  readonly days: number;
  /** Hypercare exit criteria: hours without a SEV1/SEV2 that closing needs (absent in older documents: 0). */
  readonly quietPeriodHours?: number;
  /** Set when hypercare reached its end but the launch had to stay open, and why. */
  readonly overrun?: { readonly code: string; readonly reason: string; readonly at: string } | null;
}

export type IncidentStatus = 'OPEN' | 'RESOLVED';

export interface IncidentView {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly status: IncidentStatus;
  readonly reportedAt: string;
  readonly reportedBy: string;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
  readonly resolution: string | null;
  /** Where it comes from (absent or null: reported by hand). */
  readonly source?: IncidentSource | null;
  readonly externalId?: string | null;
  readonly url?: string | null;
  readonly acknowledgedAt?: string | null;
}

export interface EnvironmentGatePolicy extends GatePolicy {
  readonly environment: string;
}

/** The last audited gate evaluation per environment (from `GateEvaluated`). */
export interface GateEvaluationView {
  readonly environment: string;
  readonly decision: GateDecisionKind;
  readonly reasons: readonly string[];
  readonly position: string;
  readonly evaluatedAt: string;
  readonly evaluatedBy: string;
}

export interface LaunchView {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly ownerUserId: string | null;
  readonly targetDate: string;
  readonly status: LaunchStatus;
  /** In the order they became required. */
  readonly requiredTeamIds: readonly string[];
  /** The latest go/no-go decision. */
  readonly decision: RecordedDecisionView | null;
  readonly hypercare: HypercareView | null;
  /** In the order they were reported. */
  readonly incidents: readonly IncidentView[];
  /** Policies set explicitly; other environments follow `defaultGatePolicy`. */
  readonly gatePolicies: readonly EnvironmentGatePolicy[];
  readonly lastGateEvaluations: readonly GateEvaluationView[];
  readonly closedAt: string | null;
  readonly cancellation: { readonly reason: string | null; readonly at: string } | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Stream position of the last event applied: a replayed (duplicate) event is ignored. */
  readonly version: number;
}

export type WaiverStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'REVOKED' | 'EXPIRED';

/** The item's latest waiver: asked for, in force, or how it ended (an item it no longer waives is OPEN). */
export interface WaiverView {
  readonly status: WaiverStatus;
  readonly reason: string;
  readonly requestedBy: string;
  /** Set once APPROVED (and kept when it is later revoked or expires). */
  readonly approvedBy: string | null;
  readonly expiresAt: string | null;
  /** Why a request was REJECTED. */
  readonly rejectionReason?: string | null;
}

export interface ChecklistItemView {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly required: boolean;
  readonly state: ItemState;
  readonly dueDate: string | null;
  readonly dueDaysBeforeLaunch: number | null;
  readonly ownerUserId: string | null;
  /** Set while DONE. */
  readonly doneBy: string | null;
  readonly doneAt: string | null;
  readonly evidenceUrl: string | null;
  /** Set while WAIVED, while a waiver request waits, and after a waiver was rejected, revoked or expired. */
  readonly waiver: WaiverView | null;
  /** Set while BLOCKED. */
  readonly blockedReason: string | null;
  readonly blockedBy: string | null;
  /** The CI check whose results tick and reopen the item (null: none; absent in older documents). */
  readonly check?: string | null;
  /** Set while OPEN after its check failed (absent in documents projected before checks). */
  readonly checkFailure?: CheckFailureView | null;
}

export interface CheckFailureView {
  readonly check: string;
  readonly url: string | null;
  readonly by: string;
  readonly at: string;
}

export type ChecklistStatus = 'OPEN' | 'CLOSED';

export interface SignOffView {
  readonly by: string;
  readonly at: string;
}

export interface ChecklistView {
  readonly id: string;
  readonly launchId: string;
  readonly teamId: string;
  readonly teamFunction: TeamFunction | null;
  readonly templateId: string | null;
  readonly templateVersion: number | null;
  readonly targetDate: string;
  readonly status: ChecklistStatus;
  readonly closedReason: 'TEAM_RELEASED' | 'LAUNCH_CANCELLED' | null;
  /** Distinct signers since the last withdrawal, in the order they signed. */
  readonly signOffs: readonly SignOffView[];
  /** Signed off once this many distinct LEADs signed. */
  readonly signOffsRequired: number;
  /** In the order they were opened and added. */
  readonly items: readonly ChecklistItemView[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface TeamMemberView {
  readonly userId: string;
  readonly role: TeamRole;
}

export interface TeamView {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly function: TeamFunction;
  readonly members: readonly TeamMemberView[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface TemplateView {
  readonly id: string;
  readonly function: TeamFunction;
  readonly name: string;
  readonly version: number;
  readonly items: readonly TemplateItemSpec[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Stream position of the last event applied (not the template's own `version`). */
  readonly streamVersion: number;
}
