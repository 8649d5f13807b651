import { historyLabelsFrom, type HistoryLabels } from '../domain';
import type { LaunchSnapshot } from './launch-snapshot';

/**
 * History labels of one launch, from its snapshot through the domain's `historyLabelsFrom` (no detour
 * through a door's view of the launch): its teams, every checklist it opened, its incidents.
 */
export const snapshotLabels = (snapshot: LaunchSnapshot): HistoryLabels =>
  historyLabelsFrom({
    launches: new Map([[snapshot.launch.id, snapshot.launch]]),
    checklists: new Map(snapshot.checklists.map((checklist) => [checklist.id, checklist])),
    teams: new Map(snapshot.teams.map((team) => [team.id, team])),
    templates: new Map(),
    launchIdByKey: new Map(),
    teamIdByKey: new Map(),
    checklistIdByItemId: new Map(
      snapshot.checklists.flatMap((checklist) => checklist.items.map((item) => [item.id, checklist.id])),
    ),
    launchIdByIncidentId: new Map(
      snapshot.launch.incidents.map((incident) => [incident.id, snapshot.launch.id]),
    ),
    checklistIdsByLaunchId: new Map(),
  });
