export const LAUNCH_STATUSES = ['PLANNING', 'GO', 'HYPERCARE', 'CLOSED', 'CANCELLED'] as const;
export type LaunchStatus = (typeof LAUNCH_STATUSES)[number];

export const GO_DECISIONS = ['GO', 'NO_GO'] as const;
export type GoDecision = (typeof GO_DECISIONS)[number];

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** SEV1 and SEV2 turn support RED and keep hypercare from ending. */
export const isCriticalSeverity = (severity: Severity): boolean => severity === 'SEV1' || severity === 'SEV2';

export const DEFAULT_HYPERCARE_DAYS = 14;

/** What a release gate demands for one environment. */
export interface GatePolicy {
  /** Every required team ready (items done or waived, nothing blocked, signed off). */
  readonly requireReady: boolean;
  /** Percent of required items done or waived, 0..100. */
  readonly minReadinessPercent: number;
  readonly requireGoDecision: boolean;
}

export const PRODUCTION_ENVIRONMENT = 'production';
export const DEFAULT_PRODUCTION_POLICY: GatePolicy = {
  requireReady: true,
  minReadinessPercent: 100,
  requireGoDecision: true,
};
export const DEFAULT_OTHER_POLICY: GatePolicy = {
  requireReady: false,
  minReadinessPercent: 0,
  requireGoDecision: false,
};
export const defaultGatePolicy = (environment: string): GatePolicy =>
  environment === PRODUCTION_ENVIRONMENT ? DEFAULT_PRODUCTION_POLICY : DEFAULT_OTHER_POLICY;

/** Post-launch support status (see {@link supportStatusOf}). */
export const SUPPORT_STATUSES = ['GREEN', 'AMBER', 'RED'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/** RED while a SEV1/SEV2 is open, AMBER while a SEV3/SEV4 is open, GREEN otherwise. */
export const supportStatusOf = (openIncidentSeverities: Iterable<Severity>): SupportStatus => {
  let status: SupportStatus = 'GREEN';
  for (const severity of openIncidentSeverities) {
    if (isCriticalSeverity(severity)) return 'RED';
    status = 'AMBER';
  }
  return status;
};
