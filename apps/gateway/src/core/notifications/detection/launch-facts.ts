import { computeLaunchReadiness, supportStatus } from '../../read-model/domain';
import type { ChecklistView } from '../../read-model/domain/views';
import type { Sql } from '../../read-model/store/database';
import { Documents } from '../../read-model/store/documents';
import { LIVE_TABLES } from '../../read-model/store/tables';
import type { LaunchFacts } from '../domain/detect-notifications';
import { memoizedTeamReadiness } from './team-readiness-memo';

export interface LoadedLaunch {
  readonly facts: LaunchFacts;
  readonly checklists: readonly ChecklistView[];
}

/** The launch, its checklists and its readiness at `now`, read on the caller's connection. */
export async function loadLaunch(sql: Sql, launchId: string, now: Date): Promise<LoadedLaunch | null> {
  const docs = new Documents(sql, LIVE_TABLES);
  const launch = await docs.launch(launchId);
  if (launch === null) return null;
  const checklists = await docs.checklistsOfLaunch(launchId);
  const teams = await docs.teamsByIds(launch.requiredTeamIds);
  // Only the teams whose checklist (or team document) changed are computed again (see the memo).
  const readiness = computeLaunchReadiness(launch, checklists, teams, now, memoizedTeamReadiness);
  return { facts: { launch, readiness, support: supportStatus(launch) }, checklists };
}
