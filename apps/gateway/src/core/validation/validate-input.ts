import type { z } from 'zod';
import { badUserInput, type FieldIssue } from '../errors/gateway-error';

const fieldOf = (root: string, path: readonly PropertyKey[]): string =>
  [root, ...path.map((part) => String(part))].join('.');

/**
 * Checks a mutation's input beyond what GraphQL types say (slugs, lengths, ranges, URLs) and returns
 * the cleaned value; throws BAD_USER_INPUT naming every bad field (`extensions.field`, `.issues`).
 */
export function validateInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  root = 'input',
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    field: fieldOf(root, issue.path),
    message: issue.message,
  }));
  throw badUserInput(issues);
}
