import type { RenameTeam, TeamRenamed } from '@tminus/contracts';
import type { ExistingTeam } from '../state';
import { requireTeamName } from '../validation';

export const renameTeam = (command: RenameTeam, team: ExistingTeam): TeamRenamed[] => {
  const name = requireTeamName(command.data.name);
  if (name === team.name) return [];
  return [{ type: 'TeamRenamed', data: { teamId: team.teamId, name } }];
};
