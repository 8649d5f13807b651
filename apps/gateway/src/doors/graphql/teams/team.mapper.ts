import type { TeamView } from '../../../core/read-model/domain';
import type { Team } from './team.types';

export const toTeam = (view: TeamView): Team => ({
  id: view.id,
  key: view.key,
  name: view.name,
  function: view.function,
  members: view.members.map((member) => ({ userId: member.userId, role: member.role })),
  createdAt: view.createdAt,
  updatedAt: view.updatedAt,
});
