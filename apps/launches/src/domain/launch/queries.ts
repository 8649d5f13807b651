import {
  defaultGatePolicy,
  isCriticalSeverity,
  supportStatusOf,
  type GatePolicy,
  type SupportStatus,
} from '@tminus/contracts';
import type { ExistingLaunch, Incident } from './state';

export const openIncidents = (launch: ExistingLaunch): Incident[] =>
  [...launch.incidents.values()].filter((incident) => !incident.resolved);

/** Open SEV1/SEV2 incidents: they keep hypercare from ending. */
export const openCriticalIncidents = (launch: ExistingLaunch): Incident[] =>
  openIncidents(launch).filter((incident) => isCriticalSeverity(incident.severity));

export const supportStatus = (launch: ExistingLaunch): SupportStatus =>
  supportStatusOf(openIncidents(launch).map((incident) => incident.severity));

/** The policy a gate applies for `environment`: the one set on the launch, else the default. */
export const gatePolicyFor = (launch: ExistingLaunch, environment: string): GatePolicy =>
  launch.gatePolicies.get(environment) ?? defaultGatePolicy(environment);
