import { CHECK_NAME } from '@tminus/contracts';
import { z } from 'zod';

/** A CI check's name (`e2e-tests`): what items, template items and POST /v1/checks name. */
export const checkNameField = () =>
  z
    .string()
    .trim()
    .regex(
      CHECK_NAME,
      "must be a check name: 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. \"e2e-tests\")",
    );
