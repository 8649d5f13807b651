import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import { inSpan, tracingRequested } from '@tminus/tracing';
import type { Logger } from 'pino';
import type { FastRoute, RouteHandler } from '../../http/ahead-of-nest';
import { sendJsonError, sendNotJson, sendUnreadable } from '../../http/body-limit';
import { readJsonBody } from '../../http/json-body';
import type { GatewayContext } from '../common/gateway-context';
import { GRAPHQL_PATH } from '../graphql-options';
import { graphqlPostLength } from './graphql-post';

/** What Apollo's Express integration hands the context function (graphqlOptions' `context`). */
export interface GraphqlContextArgs {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
}

export interface GraphqlFastRouteDeps {
  /** The Apollo server Nest's GraphQL module started (the same schema, plugins, limits and formatError). */
  readonly server: Pick<ApolloServer, 'executeHTTPGraphQLRequest'>;
  /** The same context function Nest gave Apollo's Express middleware (it authenticates the bearer token). */
  readonly context: (args: GraphqlContextArgs) => Promise<GatewayContext>;
  readonly maxBodyBytes: number;
  readonly logger: Logger;
  /** With tracing on, each request gets a span named by the route (as Express's instrumentation gave it). */
  readonly traced?: boolean;
}

/** As @as-integrations/express5: header values as Apollo sees them (repeated ones joined). */
function headerMapOf(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Express's res.send gives a string body's content type a charset (Apollo's already say utf-8). */
const withCharset = (type: string): string => (/;\s*charset=/i.test(type) ? type : `${type}; charset=utf-8`);

async function writeGraphqlResponse(response: ServerResponse, answer: HTTPGraphQLResponse): Promise<void> {
  for (const [key, value] of answer.headers) {
    response.setHeader(key, key === 'content-type' ? withCharset(value) : value);
  }
  response.statusCode = answer.status || 200;
  if (answer.body.kind === 'complete') {
    response.setHeader('Content-Length', Buffer.byteLength(answer.body.string));
    response.end(answer.body.string);
    return;
  }
  // Incremental delivery (@defer) is not enabled in this schema; written as the integration does.
  for await (const chunk of answer.body.asyncIterator) response.write(chunk);
  response.end();
}

/**
 * `POST /graphql` with a plain JSON body, on the HTTP server itself (see serveAheadOfNest): the body
 * read and refused as body-parser and bodyParserErrors do, then the same Apollo server and context
 * function as Nest's Express middleware, without Express's and Nest's per-request work. Requests it
 * does not take (graphqlPostLength) go to that middleware unchanged. Differences: no `ETag` (Express's
 * res.send hashed every answer; a POST answer is never revalidated) and no `X-Powered-By`.
 */
export class GraphqlFastRoute implements FastRoute {
  readonly pattern = GRAPHQL_PATH;
  private readonly traced: boolean;

  constructor(private readonly deps: GraphqlFastRouteDeps) {
    this.traced = deps.traced ?? tracingRequested(process.env);
  }

  match(request: IncomingMessage): RouteHandler | null {
    const length = graphqlPostLength(request, this.deps.maxBodyBytes);
    if (length === null) return null;
    return (_request, response) => {
      const answer = () => this.answer(request, response, length);
      // Even a no-op span costs a context switch per request: only when traced.
      return this.traced
        ? inSpan(`POST ${GRAPHQL_PATH}`, { attributes: { 'http.route': GRAPHQL_PATH } }, answer)
        : answer();
    };
  }

  /** A failure outside Apollo (which answers its own): a logged 500, GraphQL-shaped. */
  fail(response: ServerResponse, error: unknown): void {
    this.deps.logger.error({ err: error }, 'GraphQL request failed');
    if (response.headersSent) {
      response.destroy();
      return;
    }
    sendJsonError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  }

  private async answer(request: IncomingMessage, response: ServerResponse, length: number): Promise<void> {
    const body = await readJsonBody(request, length);
    if (body.kind === 'not-json') return sendNotJson(response);
    if (body.kind === 'unreadable') return sendUnreadable(response, 400);
    const answer = await this.deps.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: headerMapOf(request), search: '', body: body.value },
      context: () => this.deps.context({ req: request, res: response }),
    });
    await writeGraphqlResponse(response, answer);
  }
}
