import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloDriver } from '@nestjs/apollo';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MessageBus } from '@tminus/messaging';
import type { Logger } from 'pino';
import { bootstrapAdminToken } from '../core/auth/admin-bootstrap';
import { DEFAULT_TOKEN_RECHECK_MS } from '../core/auth/token-validity';
import { GraphqlPassthroughFilter } from '../doors/graphql/errors/graphql-passthrough.filter';
import { gatewayContext, GRAPHQL_PATH, graphqlOptions } from '../doors/graphql/graphql-options';
import { GraphqlFastRoute } from '../doors/graphql/http/graphql-fast-route';
import { createErrorFormatter } from '../doors/graphql/errors/format-error';
import { queryLimitRules } from '../doors/graphql/protection/query-limits';
import { startGraphqlWsServer, type GraphqlWsServer } from '../doors/graphql/ws/graphql-ws-server';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../doors/graphql/protection/query-limits';
import { bodyParserErrors, DEFAULT_MAX_BODY_BYTES } from '../doors/http/body-limit';
import { HttpDrain } from '../doors/http/http-drain';
import { FastRoutes, serveAheadOfNest, type Middleware } from '../doors/http/ahead-of-nest';
import { perTokenRateLimit, RATE_LIMITED_PATHS, type RateLimitConfig } from '../doors/http/rate-limit';
import {
  openReadModelDatabase,
  type ReadModelDatabaseOptions,
  type ReadModelDb,
} from '../core/read-model/store/database';
import { ensureSchema } from '../core/read-model/store/schema';
import { ensureGithubSchema } from '../core/github/github-schema';
import type { GateConfig } from '../core/gates/gate-config';
import { loadGithubConfig, type GithubConfig } from '../doors/github/config/github-config';
import { Notifications } from '../core/notifications/notifications';
import {
  loadNotificationsConfig,
  type NotificationsConfig,
} from '../core/notifications/notifications-config';
import { NotificationsModule } from './notifications.module';
import type { IncidentIngestConfig } from '../core/incidents/config/incident-ingest-config';
import { featureModules } from './feature-modules';
import { GatewayModule } from './gateway.module';
import { buildGatewayServices, type GatewayServices } from './gateway-services';
import { DEFAULT_HOST, listenOrExplain, NestPinoLogger } from '@tminus/service-kit';
import type { GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';

export const DEFAULT_GATEWAY_PORT = 4000;
export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

export interface GatewayDeps {
  /** The gateway's own read-model database: options (the gateway opens and closes it) or an open handle. */
  readonly database: ReadModelDatabaseOptions | ReadModelDb;
  readonly bus: MessageBus;
  readonly logger: Logger;
  /** HTTP port (default 4000; 0 picks a free one). */
  readonly port?: number;
  /** HOST: the address to listen on (default 127.0.0.1; the images set 0.0.0.0). */
  readonly host?: string;
  /** TMINUS_DATA_DIR: where the first ADMIN token is written (default ./data). */
  readonly dataDir?: string;
  /** TMINUS_ADMIN_TOKEN: accepted as an ADMIN token; when set, none is generated. */
  readonly adminToken?: string;
  /** GATEWAY_INSTANCE_ID: names this instance's consumer group (default: the host name). */
  readonly instanceId?: string;
  /** COMMAND_TIMEOUT_MS: how long a mutation waits for its outcome (default 10 s). */
  readonly commandTimeoutMs?: number;
  /** Write the sorted SDL here at start (development); default: schema kept in memory. */
  readonly schemaFile?: string | false;
  readonly limits?: Partial<QueryLimits>;
  /** The largest HTTP body and WebSocket message accepted (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** RATE_LIMIT_PER_MINUTE: requests per token on /graphql and /v1/gates (default 6000/min); false: none. */
  readonly rateLimit?: RateLimitConfig | false;
  /**
   * Serve plain JSON `POST /graphql` ahead of Express and Nest (default true). false: every GraphQL
   * request goes through Express's middleware to Apollo, as before (the parity suite's reference).
   */
  readonly graphqlAheadOfNest?: boolean;
  /** How long a stop waits for requests in flight (default: COMMAND_TIMEOUT_MS plus 1 s). */
  readonly drainTimeoutMs?: number;
  /** How soon a token revoked on another instance closes this one's WebSockets (default 1 s). */
  readonly tokenRecheckMs?: number;
  /** GATE_MAX_LAG_MS / GATE_LAG_SAMPLE_MS (default: 10 s, sampled every second). */
  readonly gate?: GateConfig;
  /** GitHub webhook secret, API base URL and credentials (default: none configured). */
  readonly github?: GithubConfig;
  /** Webhook delivery settings (default: from TMINUS_WEBHOOK_* in the environment). */
  readonly notifications?: NotificationsConfig;
  /** Secrets of the incident endpoints (default: none configured, they answer 404). */
  readonly incidents?: IncidentIngestConfig;
  /** Extra Nest modules; default: the REST gate and the GitHub webhook. */
  readonly features?: readonly (Type | DynamicModule)[];
  readonly clock?: () => Date;
}

export interface RunningApp {
  close(): Promise<void>;
  port?: number;
}

export interface RunningGateway extends RunningApp {
  readonly port: number;
  /** e.g. http://127.0.0.1:4000 (GraphQL at /graphql). */
  readonly url: string;
  /** Where the first ADMIN token was written at this start (null: none was generated). */
  readonly adminTokenFile: string | null;
  readonly services: GatewayServices;
}

/** How a client on this machine reaches a server listening on `host`. */
const urlHost = (host: string): string => {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
};

const isDb = (database: GatewayDeps['database']): database is ReadModelDb => 'transaction' in database;

/**
 * Starts the gateway: read-model schema, first ADMIN token, projector (consuming every event topic in
 * its own group), then HTTP (GraphQL + graphql-ws, GraphiQL, /health, /metrics) on `port`.
 */
export async function startGateway(deps: GatewayDeps): Promise<RunningGateway> {
  const logger = deps.logger.child({ app: 'gateway' });
  const ownsDb = !isDb(deps.database);
  const db = isDb(deps.database) ? deps.database : await openReadModelDatabase(deps.database);
  const services = buildGatewayServices({
    db,
    bus: deps.bus,
    logger,
    instanceId: deps.instanceId ?? hostname(),
    commandTimeoutMs: deps.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    adminToken: deps.adminToken,
    tokenRecheckMs: deps.tokenRecheckMs,
    clock: deps.clock ?? (() => new Date()),
    gate: deps.gate,
  });
  let app: NestExpressApplication | undefined;
  let ws: GraphqlWsServer | undefined;
  let notifications: Notifications | undefined;
  const drain = new HttpDrain();
  const drainTimeoutMs = deps.drainTimeoutMs ?? (deps.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS) + 1_000;
  try {
    await ensureSchema(db);
    // The GitHub mappings are the core's: their tables exist whether or not the GitHub rule is mounted.
    await ensureGithubSchema(db);
    const adminTokenFile = await bootstrapAdminToken({
      tokens: services.tokens,
      dataDir: deps.dataDir ?? './data',
      adminToken: deps.adminToken,
      logger,
    });
    // Before the projector: every event it applies is looked at for notifications.
    notifications = new Notifications({
      db,
      projector: services.projector,
      queries: services.queries,
      registry: services.metrics.registry,
      logger,
      clock: () => services.clock.now(),
      config: deps.notifications ?? loadNotificationsConfig(process.env),
    });
    await notifications.start();
    await services.projector.start();
    await services.lag.start();
    const http = await createHttpApp(deps, services, drain, notifications);
    app = http.app;
    ws = http.ws;
    const host = deps.host ?? DEFAULT_HOST;
    const listening = app;
    await listenOrExplain(host, deps.port ?? DEFAULT_GATEWAY_PORT, () =>
      listening.listen(deps.port ?? DEFAULT_GATEWAY_PORT, host),
    );
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = `http://${urlHost(host)}:${port}`;
    logger.info({ port, graphql: `${url}/graphql` }, 'gateway listening');
    const started = { app, ws, drain, drainTimeoutMs, notifications };
    let closing: Promise<void> | undefined;
    return {
      port,
      url,
      adminTokenFile,
      services,
      close: () => (closing ??= stopGateway(started, services, ownsDb)),
    };
  } catch (error) {
    await stopGateway({ app, ws, drain, drainTimeoutMs: 0, notifications }, services, ownsDb).catch(
      () => undefined,
    );
    throw error;
  }
}

interface HttpApp {
  readonly app: NestExpressApplication;
  readonly ws: GraphqlWsServer;
}

/** The Nest app (GraphQL over HTTP, REST, health), initialised, with graphql-ws on its HTTP server. */
async function createHttpApp(
  deps: GatewayDeps,
  services: GatewayServices,
  drain: HttpDrain,
  notifications: Notifications,
): Promise<HttpApp> {
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const limits = { ...DEFAULT_QUERY_LIMITS, ...deps.limits };
  const graphqlLogger = services.logger.child({ component: 'graphql' });
  const schemaRef: { current?: GraphQLSchema } = {};
  const graphql = graphqlOptions({
    authenticator: services.authenticator,
    logger: graphqlLogger,
    metrics: services.metrics,
    limits,
    schemaFile: deps.schemaFile ?? false,
    onSchema: (schema) => (schemaRef.current = schema),
  });
  const features = [
    ...(deps.features ?? featureModules(services, deps.github ?? loadGithubConfig({}), deps.incidents)),
    NotificationsModule.register(notifications),
  ];
  const fastRoutes = new FastRoutes();
  const module = GatewayModule.create({ services, graphql, features, fastRoutes });
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bodyParser: false,
    // The GitHub webhook checks its signature over the exact bytes received.
    rawBody: true,
    logger: new NestPinoLogger(services.logger.child({ component: 'nest' })),
  });
  app.useGlobalFilters(new GraphqlPassthroughFilter(app.getHttpAdapter()));
  app.use(drain.middleware);
  app.use(services.metrics.httpMiddleware);
  // One limiter, so a token has one budget whether Express or a fast route serves it.
  const rateLimit = deps.rateLimit === false ? null : perTokenRateLimit(deps.rateLimit);
  // Before the body is read: a caller over its budget costs no parsing.
  if (rateLimit) app.use(RATE_LIMITED_PATHS, rateLimit);
  app.useBodyParser('json', { limit: maxBodyBytes });
  app.use(bodyParserErrors(maxBodyBytes));
  await app.init();
  if (deps.graphqlAheadOfNest !== false) {
    // Started by Nest's GraphQL module during init: the fast route runs requests through the same server.
    const apollo = app.get(GraphQLModule<ApolloDriver>).graphQlAdapter.instance;
    fastRoutes.add(
      new GraphqlFastRoute({
        server: apollo,
        context: gatewayContext(services.authenticator),
        maxBodyBytes,
        logger: graphqlLogger,
      }),
    );
  }
  // The gate's and GraphQL's plain requests skip Express and Nest (their routers, body parser and
  // request decoration were most of the gate's CPU time), with the same middleware instances in the
  // same order. Their routes are all rate limited.
  const middleware: Middleware[] = [drain.middleware, services.metrics.httpMiddleware];
  if (rateLimit) middleware.push(rateLimit as Middleware);
  serveAheadOfNest(app.getHttpServer() as Server, fastRoutes.all, middleware);
  if (!schemaRef.current) throw new Error('the GraphQL schema was not built');
  const formatError = createErrorFormatter(graphqlLogger);
  const ws = startGraphqlWsServer({
    httpServer: app.getHttpServer() as Server,
    path: GRAPHQL_PATH,
    schema: schemaRef.current,
    maxPayloadBytes: maxBodyBytes,
    authenticator: services.authenticator,
    validity: services.validity,
    validationRules: queryLimitRules(limits),
    formatError: (error) => formatError(error.toJSON(), error),
    sweepMs: deps.tokenRecheckMs ?? DEFAULT_TOKEN_RECHECK_MS,
    logger: graphqlLogger,
  });
  return { app, ws };
}

interface StoppableHttp {
  readonly app?: NestExpressApplication;
  readonly ws?: GraphqlWsServer;
  readonly drain: HttpDrain;
  readonly drainTimeoutMs: number;
  readonly notifications?: Notifications;
}

/**
 * Stops taking requests and ends subscriptions, lets the requests in flight finish (bounded; the
 * projector still runs, so waiting mutations see their outcome), then stops the projector and
 * closes the database.
 */
async function stopGateway(http: StoppableHttp, services: GatewayServices, ownsDb: boolean): Promise<void> {
  services.feed.closeAll();
  await http.ws?.close();
  if (http.app) {
    const drained = await http.drain.drain(http.app.getHttpServer() as Server, http.drainTimeoutMs);
    if (!drained) services.logger.warn({ inFlight: http.drain.inFlight }, 'stopped with requests in flight');
  }
  await http.app?.close();
  await services.lag.stop();
  await services.projector.stop();
  await http.notifications?.stop();
  // Audits of checks answered before the drain timed out still commit before the database closes.
  await services.gateAudits.flushed();
  services.pending.rejectAll(new Error('The gateway is shutting down'));
  if (ownsDb) await services.db.close();
}
