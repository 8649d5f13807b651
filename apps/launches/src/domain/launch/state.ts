import type { GatePolicy, GoDecision, LaunchStatus, Severity } from '@tminus/contracts';

export interface Incident {
  readonly incidentId: string;
  readonly severity: Severity;
  readonly title: string;
  readonly resolved: boolean;
}

export interface RecordedDecision {
  readonly decision: GoDecision;
  readonly notes: string | null;
  readonly by: string;
  readonly at: string;
}

export interface NoLaunch {
  readonly exists: false;
}

export interface ExistingLaunch {
  readonly exists: true;
  readonly launchId: string;
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly ownerUserId: string | null;
  readonly targetDate: string;
  readonly status: LaunchStatus;
  readonly requiredTeams: ReadonlySet<string>;
  /** The latest go/no-go decision. */
  readonly decision: RecordedDecision | null;
  readonly wentLiveAt: string | null;
  readonly hypercareEndsAt: string | null;
  /** By incident id. Maps, not records: ids like "constructor" must not hit Object.prototype. */
  readonly incidents: ReadonlyMap<string, Incident>;
  /** Policies set explicitly, by environment; the others follow `defaultGatePolicy`. */
  readonly gatePolicies: ReadonlyMap<string, GatePolicy>;
}

export type LaunchState = NoLaunch | ExistingLaunch;

export const initialState = (): LaunchState => ({ exists: false });
