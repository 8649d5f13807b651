import { DomainError, ErrorCodes, type RequireTeam, type TeamRequired } from '@tminus/contracts';
import { BEFORE_LIVE, requireStatus } from '../guards';
import type { ExistingLaunch } from '../state';
import { requireId, requireSignOffsRequired } from '../validation';

/** Whether the team exists is checked by the caller (teams live in another service). */
export const requireTeam = (command: RequireTeam, launch: ExistingLaunch): TeamRequired[] => {
  requireStatus(launch, { allowed: BEFORE_LIVE, action: 'requiring a team' });
  const teamId = requireId(command.data.teamId, 'Team id');
  const signOffsRequired = requireSignOffsRequired(command.data.signOffsRequired);
  if (launch.requiredTeams.has(teamId)) {
    throw new DomainError(
      ErrorCodes.LAUNCH_TEAM_ALREADY_REQUIRED,
      `Team ${teamId} is already required for launch "${launch.key}".`,
    );
  }
  return [
    {
      type: 'TeamRequired',
      data: { launchId: launch.launchId, teamId, targetDate: launch.targetDate, signOffsRequired },
    },
  ];
};
