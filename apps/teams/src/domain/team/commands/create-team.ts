import {
  DomainError,
  ErrorCodes,
  TEAM_FUNCTIONS,
  type CreateTeam,
  type TeamCreated,
} from '@tminus/contracts';
import type { TeamState } from '../state';
import { requireId, requireOneOf, requireTeamKey, requireTeamName } from '../validation';

/** Key uniqueness across teams is the service's job (a key reservation); this only guards the stream. */
export const createTeam = (command: CreateTeam, state: TeamState): TeamCreated[] => {
  if (state.exists) {
    throw new DomainError(
      ErrorCodes.TEAM_ALREADY_EXISTS,
      `Team ${state.teamId} already exists (key "${state.key}").`,
    );
  }
  const data = {
    teamId: requireId(command.data.teamId, 'Team id'),
    key: requireTeamKey(command.data.key),
    name: requireTeamName(command.data.name),
    function: requireOneOf(command.data.function, TEAM_FUNCTIONS, 'Team function'),
  };
  return [{ type: 'TeamCreated', data }];
};
