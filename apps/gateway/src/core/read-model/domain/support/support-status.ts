import { supportStatusOf, type SupportStatus } from '@tminus/contracts';
import type { IncidentView, LaunchView } from '../views';

export const openIncidents = (launch: LaunchView): IncidentView[] =>
  launch.incidents.filter((incident) => incident.status === 'OPEN');

/** RED while a SEV1/SEV2 is open, AMBER while a SEV3/SEV4 is open, GREEN otherwise (rule in contracts). */
export const supportStatus = (launch: LaunchView): SupportStatus =>
  supportStatusOf(openIncidents(launch).map((incident) => incident.severity));

export interface SupportView {
  readonly status: SupportStatus;
  readonly hypercareEndsAt: string | null;
  readonly incidents: readonly IncidentView[];
}

export const supportOf = (launch: LaunchView): SupportView => ({
  status: supportStatus(launch),
  hypercareEndsAt: launch.hypercare?.endsAt ?? null,
  incidents: launch.incidents,
});
