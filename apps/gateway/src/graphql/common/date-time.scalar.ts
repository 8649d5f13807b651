import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** A date (midnight UTC) or a date-time with a zone (`Z` or an offset): a time without a zone is ambiguous. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;

const invalid = (value: unknown): GraphQLError =>
  new GraphQLError(
    `DateTime must be an ISO-8601 string such as "2026-12-01T09:00:00Z" or "2026-12-01", got ${JSON.stringify(value)}`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );

/** Parses an input value into the canonical form `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || !ISO_8601.test(value.trim())) throw invalid(value);
  const date = new Date(value.trim());
  if (Number.isNaN(date.getTime())) throw invalid(value);
  return date.toISOString();
}

function serializeDateTime(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
}

/** ISO-8601 date-times, always answered in UTC (`2026-12-01T09:00:00.000Z`); inputs come in as that string. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description:
    'An ISO-8601 date-time in UTC, e.g. "2026-12-01T09:00:00.000Z". Inputs may also be a date ("2026-12-01") or carry an offset.',
  serialize: serializeDateTime,
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid(ast.kind);
    return parseDateTime(ast.value);
  },
});
