import {
  DomainError,
  ErrorCodes,
  LAUNCH_COMMAND_TYPES,
  Topics,
  type LaunchCommand,
  type LaunchEvent,
} from '@tminus/contracts';
import { KeyTakenError } from '@tminus/event-store';
import { CommandProcessor, type DecidedContext, type ServiceKit } from '@tminus/service-kit';
import { launchDecider, type LaunchState } from '../domain';

export const LAUNCH_KEY_SCOPE = 'launch-key';

/** Launch keys are unique across launches: claimed in the transaction that creates the launch. */
async function reserveLaunchKey({
  tx,
  events,
}: DecidedContext<LaunchCommand, LaunchEvent, LaunchState>): Promise<void> {
  for (const event of events) {
    if (event.type !== 'LaunchCreated') continue;
    try {
      await tx.reserveKey(LAUNCH_KEY_SCOPE, event.data.key, event.data.launchId);
    } catch (error) {
      if (error instanceof KeyTakenError) {
        throw new DomainError(
          ErrorCodes.LAUNCH_KEY_TAKEN,
          `The launch key "${event.data.key}" is already taken`,
        );
      }
      throw error;
    }
  }
}

export const launchCommandProcessor = (
  kit: ServiceKit,
): CommandProcessor<LaunchCommand, LaunchEvent, LaunchState> =>
  new CommandProcessor({
    service: 'launches',
    decider: launchDecider,
    commandTypes: LAUNCH_COMMAND_TYPES,
    streamIdOf: (command) => command.data.launchId,
    eventsTopic: Topics.launchesEvents,
    store: kit.store,
    relay: kit.relay,
    observer: kit.observer,
    beforeAppend: reserveLaunchKey,
  });
