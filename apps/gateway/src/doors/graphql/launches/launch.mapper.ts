import {
  computeLaunchReadiness,
  policyFor,
  supportStatus,
  type IncidentView,
  type LaunchView,
  type TeamReadiness as TeamReadinessView,
} from '../../../core/read-model/domain';
import type { LaunchSnapshot } from '../../../core/read-model/queries/launch-snapshot';
import { snapshotLabels } from '../../../core/read-model/queries/snapshot-labels';
import { toChecklist } from '../checklists/checklist.mapper';
import { toTeam } from '../teams/team.mapper';
import type { Incident, Launch, LaunchTeam, Support } from './launch.types';
import { toReadiness, toTeamReadiness } from './readiness.mapper';

// Documents written before incidents had a source lack these fields: they were reported by hand.
export const toIncident = (incident: IncidentView, launchId: string): Incident => ({
  ...incident,
  launchId,
  source: incident.source ?? null,
  externalId: incident.externalId ?? null,
  url: incident.url ?? null,
  acknowledgedAt: incident.acknowledgedAt ?? null,
});

const toSupport = (launch: LaunchView): Support => ({
  status: supportStatus(launch),
  wentLiveAt: launch.hypercare?.wentLiveAt ?? null,
  hypercareEndsAt: launch.hypercare?.endsAt ?? null,
  hypercareDays: launch.hypercare?.days ?? null,
  quietPeriodHours: launch.hypercare ? (launch.hypercare.quietPeriodHours ?? 0) : null,
  hypercareOverrun: launch.hypercare?.overrun ?? null,
  incidents: launch.incidents.map((incident) => toIncident(incident, launch.id)),
});

const toLaunchTeam = (snapshot: LaunchSnapshot, readiness: TeamReadinessView, now: Date): LaunchTeam => {
  const team = snapshot.teams.find((candidate) => candidate.id === readiness.teamId) ?? null;
  // The checklist of this (launch, team): the open one readiness used, else the latest closed one.
  const checklist =
    snapshot.checklists.find((candidate) => candidate.id === readiness.checklistId) ??
    snapshot.checklists.find((candidate) => candidate.teamId === readiness.teamId) ??
    null;
  return {
    teamId: readiness.teamId,
    team: team && toTeam(team),
    checklist: checklist && toChecklist(checklist, team, now),
    ready: readiness.ready,
    readiness: toTeamReadiness(readiness),
  };
};

/**
 * The GraphQL Launch of a snapshot, readiness computed at `now` (a launchAsOf snapshot is judged at its
 * own moment). Everything is mapped at once: readiness needs all of it anyway.
 */
export const toLaunch = (snapshot: LaunchSnapshot, now: Date): Launch => {
  const { launch } = snapshot;
  const at = snapshot.asOf ? new Date(snapshot.asOf) : now;
  const readiness = computeLaunchReadiness(launch, snapshot.checklists, snapshot.teams, at);
  return {
    id: launch.id,
    key: launch.key,
    name: launch.name,
    description: launch.description,
    owner: launch.ownerUserId,
    targetDate: launch.targetDate,
    status: launch.status,
    teams: readiness.teams.map((team) => toLaunchTeam(snapshot, team, at)),
    readiness: toReadiness(readiness),
    decision: launch.decision && { ...launch.decision },
    support: toSupport(launch),
    gatePolicies: launch.gatePolicies.map((policy) => policyFor(launch, policy.environment)),
    lastGateEvaluations: launch.lastGateEvaluations.map((evaluation) => ({
      ...evaluation,
      reasons: [...evaluation.reasons],
    })),
    cancellation: launch.cancellation && { ...launch.cancellation },
    closedAt: launch.closedAt,
    createdAt: launch.createdAt,
    updatedAt: launch.updatedAt,
    asOf: snapshot.asOf ?? null,
    position: snapshot.position,
    historyLabels: () => snapshotLabels(snapshot),
  };
};
