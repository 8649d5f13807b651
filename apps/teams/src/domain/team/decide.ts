import {
  DomainError,
  ErrorCodes,
  type DecideContext,
  type TeamCommand,
  type TeamEvent,
} from '@tminus/contracts';
import { addTeamMember } from './commands/add-team-member';
import { createTeam } from './commands/create-team';
import { removeTeamMember } from './commands/remove-team-member';
import { renameTeam } from './commands/rename-team';
import { requireExistingTeam } from './guards';
import type { TeamState } from './state';

/** Team rules depend on nothing but the stream: the context is part of the shared decider signature. */
export const decide = (command: TeamCommand, state: TeamState, _context?: DecideContext): TeamEvent[] => {
  switch (command.type) {
    case 'CreateTeam':
      return createTeam(command, state);
    case 'RenameTeam':
      return renameTeam(command, requireExistingTeam(state, command.data.teamId));
    case 'AddTeamMember':
      return addTeamMember(command, requireExistingTeam(state, command.data.teamId));
    case 'RemoveTeamMember':
      return removeTeamMember(command, requireExistingTeam(state, command.data.teamId));
    default:
      return refuseUnknown(command);
  }
};

// Reachable only when a message does not match its declared type (commands arrive as JSON).
const refuseUnknown = (command: never): never => {
  const type = (command as { type?: unknown }).type;
  throw new DomainError(ErrorCodes.TEAM_INVALID_INPUT, `Unknown team command ${JSON.stringify(type)}.`);
};
