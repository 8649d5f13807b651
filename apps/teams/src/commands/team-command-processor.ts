import {
  DomainError,
  ErrorCodes,
  TEAM_COMMAND_TYPES,
  Topics,
  type TeamCommand,
  type TeamEvent,
} from '@tminus/contracts';
import { KeyTakenError } from '@tminus/event-store';
import { CommandProcessor, type DecidedContext, type ServiceKit } from '@tminus/service-kit';
import { teamDecider, type TeamState } from '../domain';

export const TEAM_KEY_SCOPE = 'team-key';

/** Team keys are unique across teams: claimed in the transaction that creates the team. */
async function reserveTeamKey({
  tx,
  events,
}: DecidedContext<TeamCommand, TeamEvent, TeamState>): Promise<void> {
  for (const event of events) {
    if (event.type !== 'TeamCreated') continue;
    try {
      await tx.reserveKey(TEAM_KEY_SCOPE, event.data.key, event.data.teamId);
    } catch (error) {
      if (error instanceof KeyTakenError) {
        throw new DomainError(ErrorCodes.TEAM_KEY_TAKEN, `The team key "${event.data.key}" is already taken`);
      }
      throw error;
    }
  }
}

export const teamCommandProcessor = (kit: ServiceKit): CommandProcessor<TeamCommand, TeamEvent, TeamState> =>
  new CommandProcessor({
    service: 'teams',
    decider: teamDecider,
    commandTypes: TEAM_COMMAND_TYPES,
    streamIdOf: (command) => command.data.teamId,
    eventsTopic: Topics.teamsEvents,
    store: kit.store,
    relay: kit.relay,
    observer: kit.observer,
    beforeAppend: reserveTeamKey,
  });
