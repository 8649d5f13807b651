import { ErrorCodes } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from './launch.decider';
import { cancelled, closed, context, sampleCommands } from './launch.fixtures';

const spec = deciderSpec(launchDecider);
const allBut = (...types: string[]) => sampleCommands.filter((command) => !types.includes(command.type));

describe('launch decide: rules for every command', () => {
  it.each(allBut('CreateLaunch').map((command) => [command.type, command] as const))(
    '%s on a stream without a launch is refused with LAUNCH.NOT_FOUND',
    (_type, command) => {
      spec.given([]).when(command, { context }).thenThrows(ErrorCodes.LAUNCH_NOT_FOUND);
    },
  );

  it.each(allBut('CreateLaunch', 'RecordGateEvaluation').map((command) => [command.type, command] as const))(
    '%s on a cancelled launch is refused with LAUNCH.CANCELLED',
    (_type, command) => {
      spec.given(cancelled).when(command, { context }).thenThrows(ErrorCodes.LAUNCH_CANCELLED);
    },
  );

  it.each(allBut('CreateLaunch', 'RecordGateEvaluation').map((command) => [command.type, command] as const))(
    '%s on a closed launch is refused with LAUNCH.CLOSED',
    (_type, command) => {
      spec.given(closed).when(command, { context }).thenThrows(ErrorCodes.LAUNCH_CLOSED);
    },
  );

  it('refuses a command type it does not know', () => {
    const unknown = {
      type: 'DeleteLaunch',
      data: { launchId: 'launch-1' },
    } as unknown as (typeof sampleCommands)[0];
    spec.given(closed.slice(0, 1)).when(unknown, { context }).thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });
});
