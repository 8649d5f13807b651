import { ROLES } from '@tminus/contracts';
import { z } from 'zod';
import { field } from '../../../core/validation/fields';

export const createApiTokenSchema = z
  .object({
    name: field.name(),
    role: z.enum(ROLES),
    userId: field.userId().nullish(),
    teamIds: z
      .array(field.id('team id'))
      // An empty scope would read as "no team" to a person and as "every team" to the code: refused.
      .min(1, 'must name at least one team (leave it out to allow every team of the user)')
      .max(100, 'at most 100 teams')
      .nullish(),
    expiresAt: field.instant().nullish(),
  })
  .superRefine((input, context) => {
    if (input.role === 'TEAM_MEMBER' && !input.userId) {
      context.addIssue({
        code: 'custom',
        path: ['userId'],
        message: 'a TEAM_MEMBER token needs the user it acts for',
      });
    }
    if (input.role !== 'TEAM_MEMBER' && input.teamIds && input.teamIds.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['teamIds'],
        message: 'only TEAM_MEMBER tokens are limited to teams',
      });
    }
  });

export const revokeApiTokenSchema = z.object({ id: field.id('id') });
