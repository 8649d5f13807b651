import type { ReadModelState } from '../projection/read-model-state';

/**
 * Optional names for ids an event carries (a tick names only its item id). Missing names fall back to
 * the ids, so a history can be summarised without any state.
 */
export interface HistoryLabels {
  readonly teamName?: (teamId: string) => string | undefined;
  /** The name of the team a checklist belongs to. */
  readonly checklistTeamName?: (checklistId: string) => string | undefined;
  readonly itemTitle?: (itemId: string) => string | undefined;
  readonly incidentTitle?: (incidentId: string) => string | undefined;
}

/** Labels looked up in a read model (current names, which is what a reader of the history expects). */
export const historyLabelsFrom = (state: ReadModelState): HistoryLabels => {
  const teamName = (teamId: string): string | undefined => state.teams.get(teamId)?.name;
  const checklistOfItem = (itemId: string) =>
    state.checklists.get(state.checklistIdByItemId.get(itemId) ?? '');
  return {
    teamName,
    checklistTeamName: (checklistId) => {
      const teamId = state.checklists.get(checklistId)?.teamId;
      return teamId === undefined ? undefined : teamName(teamId);
    },
    itemTitle: (itemId) => checklistOfItem(itemId)?.items.find((item) => item.id === itemId)?.title,
    incidentTitle: (incidentId) =>
      state.launches
        .get(state.launchIdByIncidentId.get(incidentId) ?? '')
        ?.incidents.find((incident) => incident.id === incidentId)?.title,
  };
};

/** Names resolved with fallbacks: `team x` / `item y` when the name is unknown. */
export interface Namer {
  team(teamId: string): string;
  checklistTeam(checklistId: string): string;
  item(itemId: string): string;
  incident(incidentId: string): string;
}

export const namer = (labels: HistoryLabels): Namer => ({
  team: (teamId) => labels.teamName?.(teamId) ?? `team ${teamId}`,
  checklistTeam: (checklistId) => labels.checklistTeamName?.(checklistId) ?? `checklist ${checklistId}`,
  item: (itemId) => {
    const title = labels.itemTitle?.(itemId);
    return title === undefined ? `item ${itemId}` : `'${title}'`;
  },
  incident: (incidentId) => {
    const title = labels.incidentTitle?.(incidentId);
    return title === undefined ? `incident ${incidentId}` : `incident '${title}'`;
  },
});
