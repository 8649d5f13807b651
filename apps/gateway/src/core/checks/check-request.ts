import { CHECK_STATUSES } from '@tminus/contracts';
import { z } from 'zod';
import { validateInput } from '../validation/validate-input';
import { field } from '../validation/fields';
import { checkNameField } from '../validation/check-name';

/** `POST /v1/checks` body: `{ launch, check, status, url? }`; anything else is refused (400). */
const checkRequestSchema = z
  .object({
    launch: field.id('launch'),
    check: checkNameField(),
    status: z.enum(CHECK_STATUSES, { message: 'must be "passed" or "failed"' }),
    url: field.url().nullish(),
  })
  .strict();

export type CheckRequest = z.output<typeof checkRequestSchema>;

export const parseCheckRequest = (body: unknown): CheckRequest =>
  validateInput(checkRequestSchema, body ?? {}, 'body');
