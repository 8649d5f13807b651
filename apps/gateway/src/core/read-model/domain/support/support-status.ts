import { supportStatusOf, type IncidentSource, type Severity, type SupportStatus } from '@tminus/contracts';
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

/** An incident with where it comes from (source null: reported by hand): what reports and pipelines show. */
export interface IncidentOrigin {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly reportedAt: string;
  readonly source: IncidentSource | null;
  readonly externalId: string | null;
  readonly url: string | null;
}

export const incidentOrigin = (incident: IncidentView): IncidentOrigin => ({
  id: incident.id,
  severity: incident.severity,
  title: incident.title,
  reportedAt: incident.reportedAt,
  source: incident.source ?? null,
  externalId: incident.externalId ?? null,
  url: incident.url ?? null,
});

/** The open incidents, most severe first (SEV1 < SEV2 … as strings), the oldest first within a severity. */
export const openIncidentsBySeverity = (incidents: readonly IncidentView[]): IncidentView[] =>
  incidents
    .filter((incident) => incident.status === 'OPEN')
    .sort((a, b) =>
      a.severity === b.severity ? a.reportedAt.localeCompare(b.reportedAt) : a.severity < b.severity ? -1 : 1,
    );
