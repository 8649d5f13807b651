import type { ChecklistView, LaunchView, TeamView } from '../views';
import { percentOf } from './item-standing';
import type { Blocker, LaunchReadiness, ReadinessCounts, TeamReadiness } from './readiness.types';
import { checklistNotOpenReadiness, computeTeamReadiness } from './team-readiness';

const launchBlocker = (code: Blocker['code'], message: string): Blocker => ({
  code,
  teamId: null,
  teamKey: null,
  itemId: null,
  itemTitle: null,
  message,
});

const sumCounts = (teams: readonly TeamReadiness[]): ReadinessCounts =>
  teams.reduce(
    (sum, { counts }) => ({
      requiredItems: sum.requiredItems + counts.requiredItems,
      doneOrWaived: sum.doneOrWaived + counts.doneOrWaived,
      open: sum.open + counts.open,
      blocked: sum.blocked + counts.blocked,
      overdue: sum.overdue + counts.overdue,
    }),
    { requiredItems: 0, doneOrWaived: 0, open: 0, blocked: 0, overdue: 0 },
  );

/** How one team's readiness is computed: {@link computeTeamReadiness}, or a caller's memo of it. */
export type TeamReadinessOf = (checklist: ChecklistView, team: TeamView | null, now: Date) => TeamReadiness;

const teamReadinessFor = (
  launch: LaunchView,
  teamId: string,
  checklists: readonly ChecklistView[],
  teams: ReadonlyMap<string, TeamView>,
  now: Date,
  teamReadinessOf: TeamReadinessOf,
): TeamReadiness => {
  const team = teams.get(teamId) ?? null;
  const checklist = checklists.find(
    (candidate) => candidate.launchId === launch.id && candidate.teamId === teamId,
  );
  return checklist === undefined
    ? checklistNotOpenReadiness(teamId, team, null)
    : teamReadinessOf(checklist, team, now);
};

/**
 * The launch-level reasons: a cancelled launch is never ready and says only that (its checklists are
 * closed, listing them would be noise); a launch with no required team has nobody to sign it off, so
 * it is not ready either (NOT_SIGNED_OFF without a team: contracts have no dedicated code).
 */
const launchBlockers = (launch: LaunchView, teams: readonly TeamReadiness[]): Blocker[] => {
  if (launch.status === 'CANCELLED') {
    return [launchBlocker('LAUNCH_CANCELLED', `Launch ${launch.key} is cancelled`)];
  }
  if (teams.length === 0) {
    return [
      launchBlocker(
        'NOT_SIGNED_OFF',
        `Launch ${launch.key} requires no team yet, so no team has signed it off`,
      ),
    ];
  }
  return teams.flatMap((team) => team.blockers);
};

/**
 * Ready when every required team is ready (see {@link computeTeamReadiness}). Counts and the percent
 * cover the required items of every required team together; with no required item at all the percent
 * is 100 when ready and 0 otherwise (so a launch without required teams is at 0%). `checklists` may hold
 * any checklists (others are ignored); `teams` the known team documents.
 */
export const computeLaunchReadiness = (
  launch: LaunchView,
  checklists: readonly ChecklistView[],
  teams: readonly TeamView[],
  now: Date,
  teamReadinessOf: TeamReadinessOf = computeTeamReadiness,
): LaunchReadiness => {
  const teamsById = new Map(teams.map((team) => [team.id, team]));
  const teamReadiness = launch.requiredTeamIds.map((teamId) =>
    teamReadinessFor(launch, teamId, checklists, teamsById, now, teamReadinessOf),
  );
  const blockers = launchBlockers(launch, teamReadiness);
  const counts = sumCounts(teamReadiness);
  const ready = blockers.length === 0;
  return {
    launchId: launch.id,
    ready,
    percent: percentOf(counts.doneOrWaived, counts.requiredItems, ready),
    counts,
    overdue: teamReadiness.flatMap((team) => team.overdue),
    blockers,
    teams: teamReadiness,
    computedAt: now.toISOString(),
  };
};
