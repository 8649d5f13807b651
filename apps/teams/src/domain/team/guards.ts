import { DomainError, ErrorCodes } from '@tminus/contracts';
import { leadsOf, type ExistingTeam, type TeamState } from './state';

export const requireExistingTeam = (state: TeamState, teamId: string): ExistingTeam => {
  if (state.exists) return state;
  throw new DomainError(ErrorCodes.TEAM_NOT_FOUND, `Team ${teamId} does not exist.`);
};

/**
 * A team that has a LEAD always keeps one: removing or demoting the last LEAD is refused.
 * Why: only a LEAD can sign off the team's checklists, so a team left without one could never become
 * ready again and would silently hold up every launch that requires it. Replacing a lead is still
 * possible (add or promote the successor first, then remove or demote the old lead). A new team starts
 * with no members, so "no lead yet" is allowed; only losing the last one is not.
 */
export const refuseLosingLastLead = (team: ExistingTeam, userId: string): void => {
  const leads = leadsOf(team);
  if (leads.length === 1 && leads[0] === userId) {
    throw new DomainError(
      ErrorCodes.TEAM_LAST_LEAD,
      `User ${userId} is the last lead of team "${team.key}": make another member a lead first.`,
    );
  }
};
