export const GATE_DECISIONS = ['ALLOWED', 'DENIED'] as const;
export type GateDecisionKind = (typeof GATE_DECISIONS)[number];

export const BLOCKER_CODES = [
  'OPEN_REQUIRED_ITEM',
  'BLOCKED_ITEM',
  'OVERDUE_ITEM',
  'NOT_SIGNED_OFF',
  'WAIVER_EXPIRED',
  'WAIVER_PENDING',
  /** A required item's CI check failed (POST /v1/checks) and nothing ticked it since. */
  'CHECK_FAILED',
  'NO_GO_DECISION',
  'LAUNCH_CANCELLED',
  // gate-only reasons
  'READINESS_BELOW_THRESHOLD',
  'READ_MODEL_STALE',
] as const;
export type BlockerCode = (typeof BLOCKER_CODES)[number];
