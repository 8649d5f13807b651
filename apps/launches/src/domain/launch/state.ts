import type { GatePolicy, GoDecision, IncidentSource, LaunchStatus, Severity } from '@tminus/contracts';

export interface Incident {
  readonly incidentId: string;
  readonly severity: Severity;
  readonly title: string;
  readonly resolved: boolean;
  readonly acknowledged: boolean;
  /** Null when reported by hand. */
  readonly source: IncidentSource | null;
  readonly externalId: string | null;
  readonly url: string | null;
}

/** Hypercare reached its end but the launch could not close: why (shown on the launch). */
export interface HypercareOverrunFact {
  readonly hypercareEndsAt: string;
  readonly code: string;
  readonly reason: string;
  readonly at: string;
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
  /** Incident ids by `externalIncidentKey(source, externalId)`: alerts are idempotent by that pair. */
  readonly externalIncidents: ReadonlyMap<string, string>;
  /** Hours without a SEV1/SEV2 reported or open that closing needs (hypercare exit criteria). */
  readonly quietPeriodHours: number;
  /** The last time a SEV1/SEV2 was reported, resolved, or changed severity: its quiet period starts there. */
  readonly lastCriticalAt: string | null;
  readonly hypercareOverrun: HypercareOverrunFact | null;
  /** Policies set explicitly, by environment; the others follow `defaultGatePolicy`. */
  readonly gatePolicies: ReadonlyMap<string, GatePolicy>;
}

export type LaunchState = NoLaunch | ExistingLaunch;

export const initialState = (): LaunchState => ({ exists: false });

export const externalIncidentKey = (source: IncidentSource, externalId: string): string =>
  `${source}\u0000${externalId}`;
