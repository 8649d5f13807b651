import type { EditLaunch, LaunchEdited } from '@tminus/contracts';
import type { ExistingLaunch } from '../state';
import { optionalText, requireId, requireName } from '../validation';

/**
 * Absent fields keep their value; `null` clears the description or the owner (a name cannot be cleared,
 * so a null name keeps it too). The event carries the resulting values, not a patch.
 */
const optionalOwner = (value: unknown): string | null =>
  value === null ? null : requireId(value, 'Owner user id');

export const editLaunch = (command: EditLaunch, launch: ExistingLaunch): LaunchEdited[] => {
  const { name, description, ownerUserId } = command.data;
  const edited = {
    launchId: launch.launchId,
    name: name == null ? launch.name : requireName(name, 'Launch name'),
    description: description === undefined ? launch.description : optionalText(description, 'Description'),
    ownerUserId: ownerUserId === undefined ? launch.ownerUserId : optionalOwner(ownerUserId),
  };
  const unchanged =
    edited.name === launch.name &&
    edited.description === launch.description &&
    edited.ownerUserId === launch.ownerUserId;
  return unchanged ? [] : [{ type: 'LaunchEdited', data: edited }];
};
