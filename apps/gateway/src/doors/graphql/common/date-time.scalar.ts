import { DATE_TIME_EXAMPLE, parseRfc3339 } from '@tminus/contracts';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const invalid = (value: unknown, reason: string): GraphQLError =>
  new GraphQLError(
    `DateTime must be an RFC 3339 date-time or a date, e.g. ${DATE_TIME_EXAMPLE}; got ${JSON.stringify(value)}: ${reason}`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );

/** Parses an input value (strict RFC 3339, real calendar days) into `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function parseDateTime(value: unknown): string {
  const parsed = parseRfc3339(value);
  if (!parsed.ok) throw invalid(value, parsed.reason);
  return parsed.iso;
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
    'An RFC 3339 date-time in UTC, e.g. "2026-12-01T09:00:00.000Z". Inputs may also be a date ("2026-12-01") or carry an offset; impossible dates (2026-02-30) and times without an offset are refused.',
  serialize: serializeDateTime,
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid(ast.kind, 'it is not a string');
    return parseDateTime(ast.value);
  },
});
