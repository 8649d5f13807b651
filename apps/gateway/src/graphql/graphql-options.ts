import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type GraphQLError,
  parse,
  specifiedRules,
  validate,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticator';
import type { Principal } from '../auth/principal';
import type { GatewayMetrics } from '../http/gateway-metrics';
import type { GatewayContext } from './common/gateway-context';
import { createErrorFormatter } from './errors/format-error';
import { queryLimitRules, type QueryLimits } from './protection/query-limits';

export const GRAPHQL_PATH = '/graphql';

export interface GraphqlOptionsInput {
  readonly authenticator: Authenticator;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  readonly limits: QueryLimits;
  /** Where the code-first schema is written (sorted); false: kept in memory only. */
  readonly schemaFile: string | false;
}

/** What graphql-ws hands the hooks: the connection's params and its per-socket `extra`. */
interface WsContext {
  readonly connectionParams?: Readonly<Record<string, unknown>>;
  readonly extra: { principal?: Principal | null };
}

const isWsContext = (value: unknown): value is WsContext =>
  typeof value === 'object' && value !== null && 'extra' in value && 'subscriptions' in value;

const authorizationOf = (params: Readonly<Record<string, unknown>> | undefined): string | null => {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : null;
};

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
 * The Apollo/Nest GraphQL configuration: code-first schema (sorted), errors with stable codes, query
 * depth/complexity limits on HTTP and WebSocket alike, bearer-token auth for both, subscriptions over
 * graphql-ws only.
 */
export function graphqlOptions(input: GraphqlOptionsInput): ApolloDriverConfig {
  const { authenticator, logger } = input;
  const formatError = createErrorFormatter(logger);
  const limitRules = queryLimitRules(input.limits);
  const schemaRef: { current?: GraphQLSchema } = {};
  const formatAll = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => formatError(error.toJSON(), error));

  return {
    driver: ApolloDriver,
    path: GRAPHQL_PATH,
    autoSchemaFile: input.schemaFile === false ? true : input.schemaFile,
    sortSchema: true,
    graphiql: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    validationRules: limitRules,
    formatError,
    plugins: [metricsPlugin(input.metrics)],
    transformSchema: (schema: GraphQLSchema) => {
      schemaRef.current = schema;
      return schema;
    },
    context: async (request: unknown): Promise<GatewayContext> => {
      if (isWsContext(request)) return { principal: request.extra.principal ?? null };
      const req = (request as { req?: IncomingMessage }).req;
      const header = req?.headers.authorization;
      return { principal: await authenticator.authenticate(typeof header === 'string' ? header : null) };
    },
    subscriptions: {
      'graphql-ws': {
        path: GRAPHQL_PATH,
        // A connection without a valid token is refused (graphql-ws closes it with 4403 Forbidden).
        onConnect: async (ctx: {
          readonly connectionParams?: Readonly<Record<string, unknown>>;
          extra: unknown;
        }) => {
          const principal = await authenticator.authenticate(authorizationOf(ctx.connectionParams));
          if (principal === null) return false;
          (ctx.extra as WsContext['extra']).principal = principal;
          return true;
        },
        // The same limits as over HTTP (their errors carry QUERY_TOO_DEEP / QUERY_TOO_COMPLEX already);
        // graphql-ws validates with the standard rules afterwards.
        onSubscribe: (_ctx: unknown, _id: string, payload: { query: string }) => {
          const schema = schemaRef.current;
          if (!schema) return;
          let document;
          try {
            document = parse(payload.query);
          } catch {
            return; // graphql-ws reports the syntax error itself.
          }
          const errors = validate(schema, document, [...specifiedRules, ...limitRules]);
          return errors.length > 0 ? errors : undefined;
        },
        onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
          result.errors ? { ...result, errors: formatAll(result.errors) } : undefined,
      },
    },
  };
}
