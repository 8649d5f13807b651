import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Authenticator } from '../../core/auth/authenticator';
import type { GatewayMetrics } from '../../core/observability/gateway-metrics';
import type { GatewayContext } from './common/gateway-context';
import { createErrorFormatter } from './errors/format-error';
import { MAX_QUERY_TOKENS, queryLimitRules, type QueryLimits } from './protection/query-limits';

export const GRAPHQL_PATH = '/graphql';

export interface GraphqlOptionsInput {
  readonly authenticator: Authenticator;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  readonly limits: QueryLimits;
  /** Where the code-first schema is written (sorted); false: kept in memory only. */
  readonly schemaFile: string | false;
  /** Receives the built schema (the graphql-ws server serves it). */
  readonly onSchema?: (schema: GraphQLSchema) => void;
}

function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, errors }) {
          metrics.graphqlOperations.inc({
            operation: operation?.operation ?? 'invalid',
            result: errors && errors.length > 0 ? 'error' : 'ok',
          });
        },
      };
    },
  };
}

/**
 * A request's context: the principal of its bearer token. Apollo's Express middleware and the fast
 * route (./http/graphql-fast-route.ts) call the same function.
 */
export function gatewayContext(authenticator: Authenticator) {
  return async (request: unknown): Promise<GatewayContext> => {
    const req = (request as { req?: IncomingMessage }).req;
    const header = req?.headers.authorization;
    return { principal: await authenticator.authenticate(typeof header === 'string' ? header : null) };
  };
}

/**
 * The Apollo/Nest GraphQL configuration: code-first schema (sorted), errors with stable codes, query
 * limits, bearer-token auth. Subscriptions (graphql-ws) are served by our own WebSocket server
 * (./ws/graphql-ws-server.ts) with the same limits and error formatting.
 */
export function graphqlOptions(input: GraphqlOptionsInput): ApolloDriverConfig {
  const { authenticator, logger } = input;
  const formatError = createErrorFormatter(logger);
  const limitRules = queryLimitRules(input.limits);

  return {
    driver: ApolloDriver,
    path: GRAPHQL_PATH,
    autoSchemaFile: input.schemaFile === false ? true : input.schemaFile,
    sortSchema: true,
    graphiql: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    validationRules: limitRules,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    formatError,
    plugins: [metricsPlugin(input.metrics)],
    transformSchema: (schema: GraphQLSchema) => {
      input.onSchema?.(schema);
      return schema;
    },
    context: gatewayContext(authenticator),
  };
}
