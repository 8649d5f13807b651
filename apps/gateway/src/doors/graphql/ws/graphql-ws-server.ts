import { ErrorCodes } from '@tminus/contracts';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Authenticator } from '../../../core/auth/authenticator';
import type { Principal } from '../../../core/auth/principal';
import type { TokenValidity } from '../../../core/auth/token-validity';
import type { GatewayContext } from '../common/gateway-context';
import { MAX_QUERY_TOKENS } from '../protection/query-limits';
import { WS_CLOSE_FORBIDDEN, WsSessions } from './ws-sessions';

export interface GraphqlWsServerInput {
  readonly httpServer: Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  /** The largest WebSocket message accepted; a longer one closes the socket (1009) before it is read. */
  readonly maxPayloadBytes: number;
  readonly authenticator: Pick<Authenticator, 'authenticate'>;
  readonly validity: Pick<TokenValidity, 'isValid' | 'onRevoked'>;
  /** The same limits as over HTTP (depth, cost, aliases…). */
  readonly validationRules: readonly ValidationRule[];
  readonly formatError: (error: GraphQLError) => GraphQLFormattedError;
  /** How often open connections' tokens are checked (revocations made on other instances, expiry). */
  readonly sweepMs: number;
  readonly logger: Logger;
}

export interface GraphqlWsServer {
  readonly sessions: WsSessions;
  close(): Promise<void>;
}

// A type alias, not an interface: graphql-ws wants a Record.
type SocketExtra = {
  principal?: Principal | null;
};

const authorizationOf = (params: Readonly<Record<string, unknown>> | undefined): string | null => {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : null;
};

const revokedError = (): GraphQLError =>
  new GraphQLError('The API token was revoked or has expired', {
    extensions: { code: ErrorCodes.UNAUTHENTICATED },
  });

const pathOf = (request: IncomingMessage): string | null => {
  try {
    return new URL(request.url ?? '/', 'http://gateway').pathname;
  } catch {
    return null;
  }
};

/**
 * graphql-ws on the gateway's HTTP server, on a `ws` server of our own rather than Nest's (which
 * keeps ws's 100 MiB message limit): messages are capped before anything is buffered or parsed, the
 * token is authenticated at `connection_init` and re-checked on every operation, and the connections
 * of a revoked or expired token are closed (4403), their subscriptions with them.
 */
export function startGraphqlWsServer(input: GraphqlWsServerInput): GraphqlWsServer {
  const { authenticator, validity, schema, logger } = input;
  const sessions = new WsSessions();
  const wss = new WebSocketServer({ noServer: true, maxPayload: input.maxPayloadBytes });
  const formatAll = (errors: readonly GraphQLError[]) => errors.map((error) => input.formatError(error));

  const disposable = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      context: (ctx): GatewayContext => ({ principal: ctx.extra.principal ?? null }),
      // A connection without a valid token is refused (graphql-ws closes it with 4403 Forbidden).
      onConnect: async (ctx) => {
        const principal = await authenticator.authenticate(authorizationOf(ctx.connectionParams));
        if (principal === null) return false;
        ctx.extra.principal = principal;
        sessions.add(ctx.extra.socket, principal);
        return true;
      },
      onClose: (ctx) => sessions.remove(ctx.extra.socket),
      onSubscribe: async (ctx, _id, payload) => {
        const principal = ctx.extra.principal;
        if (!principal || !(await validity.isValid(principal))) {
          sessions.remove(ctx.extra.socket);
          ctx.extra.socket.close(WS_CLOSE_FORBIDDEN, 'Forbidden: the token was revoked or has expired');
          return [revokedError()];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: MAX_QUERY_TOKENS });
        } catch (error) {
          // Too many tokens: refused here. Other syntax errors: graphql-ws reports them itself.
          return error instanceof GraphQLError && /tokens/i.test(error.message)
            ? [new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })]
            : undefined;
        }
        const errors = validate(schema, document, [...specifiedRules, ...input.validationRules]);
        return errors.length > 0 ? errors : undefined;
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: formatAll(result.errors) } : undefined,
    },
    wss,
  );

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (pathOf(request) !== input.path) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      wss.emit('connection', ws, request);
      // graphql-ws logs every socket error with console.error; a socket error is the client's doing
      // (a message over the cap, a bad frame) and ws has closed the socket already: log it quietly.
      ws.removeAllListeners('error');
      ws.on('error', (error) => logger.info({ err: error }, 'WebSocket closed on a protocol error'));
    });
  };
  input.httpServer.on('upgrade', onUpgrade);

  const stopListening = validity.onRevoked((tokenId) => sessions.closeToken(tokenId));
  const sweep = setInterval(() => {
    sessions
      .closeInvalid((principal) => validity.isValid(principal))
      .catch((error: unknown) => logger.warn({ err: error }, 'could not re-check WebSocket tokens'));
  }, input.sweepMs);
  sweep.unref();

  return {
    sessions,
    async close() {
      clearInterval(sweep);
      stopListening();
      input.httpServer.off('upgrade', onUpgrade);
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
