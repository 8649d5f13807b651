import { DomainError, ErrorCodes, type ReleaseTeam, type TeamReleased } from '@tminus/contracts';
import { BEFORE_LIVE, requireStatus } from '../guards';
import type { ExistingLaunch } from '../state';
import { requireId } from '../validation';

/** Like requiring, releasing is refused once live: who was needed for the launch is then history. */
export const releaseTeam = (command: ReleaseTeam, launch: ExistingLaunch): TeamReleased[] => {
  requireStatus(launch, { allowed: BEFORE_LIVE, action: 'releasing a team' });
  const teamId = requireId(command.data.teamId, 'Team id');
  if (!launch.requiredTeams.has(teamId)) {
    throw new DomainError(
      ErrorCodes.LAUNCH_TEAM_NOT_REQUIRED,
      `Team ${teamId} is not required for launch "${launch.key}".`,
    );
  }
  return [{ type: 'TeamReleased', data: { launchId: launch.launchId, teamId } }];
};
