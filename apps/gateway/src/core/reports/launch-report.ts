import {
  computeLaunchReadiness,
  evaluateGate,
  incidentOrigin,
  openIncidentsBySeverity,
  standingOf,
  supportOf,
  type Blocker,
  type ChecklistItemView,
  type IncidentOrigin,
  type IncidentView,
  type LaunchView,
} from '../read-model/domain';
import type { LaunchSnapshot } from '../read-model/queries/launch-snapshot';

/** One item as the report shows it. */
export interface ReportItem {
  readonly title: string;
  readonly required: boolean;
  /** OPEN | DONE | WAIVED | BLOCKED, or WAIVER_EXPIRED when its waiver lapsed. */
  readonly state: string;
  readonly owner: string | null;
  readonly dueDate: string | null;
  readonly evidenceUrl: string | null;
  /** "approved by max until …: reason", "requested by …", or null. */
  readonly waiver: string | null;
  readonly check: string | null;
}

export interface ReportTeam {
  readonly key: string;
  readonly name: string;
  readonly ready: boolean;
  readonly signedOff: boolean;
  readonly percent: number;
  readonly items: readonly ReportItem[];
}

/** An open incident with where it comes from, so the reader can follow it in the on-call tool. */
export interface ReportIncident extends IncidentOrigin {
  readonly acknowledged: boolean;
}

export interface ReportGate {
  readonly environment: string;
  readonly decision: string;
  readonly reasons: readonly string[];
}

/** The readiness report of one launch at one moment: what `format=md|csv` render. */
export interface LaunchReport {
  readonly launch: Pick<LaunchView, 'key' | 'name' | 'status' | 'targetDate' | 'ownerUserId'>;
  readonly generatedAt: string;
  readonly position: string;
  readonly ready: boolean;
  readonly percent: number;
  readonly decision: { readonly decision: string; readonly by: string; readonly notes: string | null } | null;
  readonly support: {
    readonly status: string;
    readonly hypercareEndsAt: string | null;
    readonly openIncidents: number;
    readonly incidents: readonly ReportIncident[];
  };
  readonly gates: readonly ReportGate[];
  readonly teams: readonly ReportTeam[];
  readonly blockers: readonly Blocker[];
}

/** production always; then every environment the launch set a policy for or a pipeline asked about. */
const environmentsOf = (launch: LaunchView): string[] =>
  [
    ...new Set([
      'production',
      ...launch.gatePolicies.map((policy) => policy.environment),
      ...launch.lastGateEvaluations.map((evaluation) => evaluation.environment),
    ]),
  ].sort();

const waiverText = (item: ChecklistItemView): string | null => {
  const waiver = item.waiver;
  if (waiver === null) return null;
  const until = waiver.expiresAt ? ` until ${waiver.expiresAt}` : '';
  const who =
    waiver.approvedBy === null
      ? `requested by ${waiver.requestedBy}`
      : `requested by ${waiver.requestedBy}, approved by ${waiver.approvedBy}`;
  return `${waiver.status}${until} (${who}): ${waiver.reason}`;
};

const reportItem = (item: ChecklistItemView, now: Date): ReportItem => ({
  title: item.title,
  required: item.required,
  state: standingOf(item, now) === 'WAIVER_EXPIRED' ? 'WAIVER_EXPIRED' : item.state,
  owner: item.ownerUserId,
  dueDate: item.dueDate,
  evidenceUrl: item.evidenceUrl,
  waiver: waiverText(item),
  check: item.check ?? null,
});

const reportIncident = (incident: IncidentView): ReportIncident => ({
  ...incidentOrigin(incident),
  acknowledged: (incident.acknowledgedAt ?? null) !== null,
});

/** Everything from one consistent snapshot, computed at `now` (like the gate and GraphQL). */
export function buildLaunchReport(snapshot: LaunchSnapshot, now: Date): LaunchReport {
  const { launch } = snapshot;
  const readiness = computeLaunchReadiness(launch, snapshot.checklists, snapshot.teams, now);
  const support = supportOf(launch);
  const checklistById = new Map(snapshot.checklists.map((checklist) => [checklist.id, checklist]));
  return {
    launch: {
      key: launch.key,
      name: launch.name,
      status: launch.status,
      targetDate: launch.targetDate,
      ownerUserId: launch.ownerUserId,
    },
    generatedAt: now.toISOString(),
    position: snapshot.position,
    ready: readiness.ready,
    percent: readiness.percent,
    decision: launch.decision && {
      decision: launch.decision.decision,
      by: launch.decision.by,
      notes: launch.decision.notes,
    },
    support: {
      status: support.status,
      hypercareEndsAt: support.hypercareEndsAt,
      openIncidents: support.incidents.filter((incident) => incident.status === 'OPEN').length,
      incidents: openIncidentsBySeverity(support.incidents).map(reportIncident),
    },
    gates: environmentsOf(launch).map((environment) => {
      const gate = evaluateGate({ launch, readiness, environment, now, position: snapshot.position });
      return { environment, decision: gate.decision, reasons: gate.reasons.map((reason) => reason.code) };
    }),
    teams: readiness.teams.map((team) => ({
      key: team.teamKey ?? team.teamId,
      name: team.teamName ?? team.teamId,
      ready: team.ready,
      signedOff: team.signedOff,
      percent: team.percent,
      items: (team.checklistId === null ? [] : (checklistById.get(team.checklistId)?.items ?? [])).map(
        (item) => reportItem(item, now),
      ),
    })),
    blockers: readiness.blockers,
  };
}
