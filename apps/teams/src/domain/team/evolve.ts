import type { TeamEvent, TeamRole } from '@tminus/contracts';
import type { ExistingTeam, TeamState } from './state';

const withMembers = (team: ExistingTeam, change: (members: Map<string, TeamRole>) => void): ExistingTeam => {
  const members = new Map(team.members);
  change(members);
  return { ...team, members };
};

export const evolve = (state: TeamState, event: TeamEvent): TeamState => {
  if (event.type === 'TeamCreated') {
    const { teamId, key, name, function: teamFunction } = event.data;
    return { exists: true, teamId, key, name, function: teamFunction, members: new Map() };
  }
  // Events of a stream that was never created have nothing to apply to: keep the empty state.
  if (!state.exists) return state;
  switch (event.type) {
    case 'TeamRenamed':
      return { ...state, name: event.data.name };
    case 'TeamMemberAdded':
    case 'TeamMemberRoleChanged':
      return withMembers(state, (members) => members.set(event.data.userId, event.data.role));
    case 'TeamMemberRemoved':
      return withMembers(state, (members) => members.delete(event.data.userId));
  }
};
