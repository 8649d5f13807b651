import type { Message } from '../common/decider';
import type { TeamFunction, TeamRole } from './team-function';

export type TeamCreated = Message<
  'TeamCreated',
  { teamId: string; key: string; name: string; function: TeamFunction }
>;
export type TeamRenamed = Message<'TeamRenamed', { teamId: string; name: string }>;
export type TeamMemberAdded = Message<'TeamMemberAdded', { teamId: string; userId: string; role: TeamRole }>;
export type TeamMemberRoleChanged = Message<
  'TeamMemberRoleChanged',
  { teamId: string; userId: string; role: TeamRole }
>;
export type TeamMemberRemoved = Message<'TeamMemberRemoved', { teamId: string; userId: string }>;

export type TeamEvent =
  TeamCreated | TeamRenamed | TeamMemberAdded | TeamMemberRoleChanged | TeamMemberRemoved;
export type TeamEventType = TeamEvent['type'];
