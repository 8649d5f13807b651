import type { HistoryLabels } from '../../../core/read-model/domain';
import type { Launch } from './launch.types';

/** Names for the ids history events carry, taken from the launch being shown (ids when unknown). */
export function labelsOf(launch: Launch): HistoryLabels {
  const teamNames = new Map<string, string>();
  const checklistTeams = new Map<string, string>();
  const itemTitles = new Map<string, string>();
  for (const { teamId, team, checklist } of launch.teams) {
    if (team) teamNames.set(teamId, team.name);
    if (checklist && team) checklistTeams.set(checklist.id, team.name);
    for (const item of checklist?.items ?? []) itemTitles.set(item.id, item.title);
  }
  const incidentTitles = new Map(launch.support.incidents.map((incident) => [incident.id, incident.title]));
  return {
    teamName: (teamId) => teamNames.get(teamId),
    checklistTeamName: (checklistId) => checklistTeams.get(checklistId),
    itemTitle: (itemId) => itemTitles.get(itemId),
    incidentTitle: (incidentId) => incidentTitles.get(incidentId),
  };
}
