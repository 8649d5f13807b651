import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * Hands GraphQL errors straight to Apollo, whose formatError maps them to `extensions.code` (and logs
 * the unexpected ones). Without it Nest's exception handler logs every refused mutation — a FORBIDDEN
 * or a rule violation is an answer, not a server error. HTTP errors keep Nest's default handling.
 */
@Catch()
export class GraphqlPassthroughFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
