import { TEAM_FUNCTIONS, TEAM_ROLES } from '@tminus/contracts';
import { z } from 'zod';
import { field } from '../../../core/validation/fields';

export const createTeamSchema = z.object({
  key: field.key(),
  name: field.name(),
  function: z.enum(TEAM_FUNCTIONS),
});
export const addMemberSchema = z.object({
  teamId: field.id('teamId'),
  userId: field.userId(),
  role: z.enum(TEAM_ROLES),
});
export const removeMemberSchema = z.object({ teamId: field.id('teamId'), userId: field.userId() });
