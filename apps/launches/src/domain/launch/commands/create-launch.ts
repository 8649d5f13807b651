import {
  DomainError,
  ErrorCodes,
  type CreateLaunch,
  type DecideContext,
  type LaunchCreated,
} from '@tminus/contracts';
import type { LaunchState } from '../state';
import {
  optionalText,
  requireFutureTargetDate,
  requireId,
  requireLaunchKey,
  requireName,
} from '../validation';

/**
 * Key uniqueness across launches is the service's job (a key reservation); this only guards the stream.
 * The owner defaults to whoever creates the launch (not to the system actor of automated reactions).
 */
export const createLaunch = (
  command: CreateLaunch,
  state: LaunchState,
  { actor, now }: DecideContext,
): LaunchCreated[] => {
  if (state.exists) {
    throw new DomainError(
      ErrorCodes.LAUNCH_ALREADY_EXISTS,
      `Launch ${state.launchId} already exists (key "${state.key}").`,
    );
  }
  const { data } = command;
  const defaultOwner = actor.role === 'SYSTEM' ? null : actor.userId;
  const ownerUserId = data.ownerUserId == null ? defaultOwner : requireId(data.ownerUserId, 'Owner user id');
  return [
    {
      type: 'LaunchCreated',
      data: {
        launchId: requireId(data.launchId, 'Launch id'),
        key: requireLaunchKey(data.key),
        name: requireName(data.name, 'Launch name'),
        targetDate: requireFutureTargetDate(data.targetDate, now),
        description: optionalText(data.description, 'Description'),
        ownerUserId,
      },
    },
  ];
};
