import type { Message } from '../common/decider';
import type { TeamFunction, TeamRole } from './team-function';

export type CreateTeam = Message<
  'CreateTeam',
  { teamId: string; key: string; name: string; function: TeamFunction }
>;
export type RenameTeam = Message<'RenameTeam', { teamId: string; name: string }>;
/** Adding an existing member with another role changes the role. */
export type AddTeamMember = Message<'AddTeamMember', { teamId: string; userId: string; role: TeamRole }>;
export type RemoveTeamMember = Message<'RemoveTeamMember', { teamId: string; userId: string }>;

export type TeamCommand = CreateTeam | RenameTeam | AddTeamMember | RemoveTeamMember;
export type TeamCommandType = TeamCommand['type'];
