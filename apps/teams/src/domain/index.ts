export { teamDecider } from './team/team.decider';
export { initialState as initialTeamState, isLead, leadsOf } from './team/state';
export type { ExistingTeam, NoTeam, TeamState } from './team/state';
