import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ErrorCodes } from '@tminus/contracts';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { CommandRejectedError, CommandTimeoutError } from '../../../core/commands/command-outcome';
import { GatewayError } from '../../../core/errors/gateway-error';
import { QueryLimitError } from '../protection/query-limits';

/** Request-level codes Apollo Server and graphql-js raise; clients may rely on them. */
const REQUEST_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const PUBLIC_CODES: ReadonlySet<string> = new Set<string>([...REQUEST_CODES, ...Object.values(ErrorCodes)]);

/** The extensions of a known error: its code plus what a client needs to act on it. */
function extensionsOf(error: DomainError): Record<string, unknown> {
  const extensions: Record<string, unknown> = { code: error.code };
  if (error instanceof GatewayError) Object.assign(extensions, error.details, { code: error.code });
  if (error instanceof CommandRejectedError || error instanceof CommandTimeoutError) {
    extensions.commandId = error.commandId;
  }
  return extensions;
}

/** The shown error without anything internal: location and path are kept, stack traces never sent. */
const shown = (formatted: GraphQLFormattedError, message: string, extensions: Record<string, unknown>) => ({
  message,
  ...(formatted.locations && { locations: formatted.locations }),
  ...(formatted.path && { path: formatted.path }),
  extensions,
});

/**
 * Every error leaves with a stable `extensions.code`: rule violations keep their domain code
 * (TEAM.KEY_TAKEN…), edge errors theirs (BAD_USER_INPUT, FORBIDDEN, COMMAND_TIMEOUT…), query limits
 * QUERY_TOO_DEEP / QUERY_TOO_COMPLEX, and anything unexpected becomes INTERNAL with a reference to the
 * log line, never its message.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) return shown(formatted, original.message, extensionsOf(original));
    if (error instanceof GraphQLError && error.originalError instanceof QueryLimitError) {
      return shown(formatted, error.originalError.message, { code: error.originalError.extensions.code });
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      return shown(formatted, formatted.message, { code });
    }
    const errorId = randomUUID();
    logger.error({ err: original, errorId, path: formatted.path }, 'unexpected error in a GraphQL operation');
    return shown(formatted, `Internal error (reference ${errorId})`, { code: ErrorCodes.INTERNAL, errorId });
  };
}
