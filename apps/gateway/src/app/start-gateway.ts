import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MessageBus } from '@tminus/messaging';
import type { Logger } from 'pino';
import { bootstrapAdminToken } from '../auth/admin-bootstrap';
import { GraphqlPassthroughFilter } from '../errors/graphql-passthrough.filter';
import { graphqlOptions } from '../graphql/graphql-options';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../graphql/protection/query-limits';
import { bodyParserErrors, DEFAULT_MAX_BODY_BYTES } from '../http/body-limit';
import {
  openReadModelDatabase,
  type ReadModelDatabaseOptions,
  type ReadModelDb,
} from '../read-model/store/database';
import { ensureSchema } from '../read-model/store/schema';
import type { GateConfig } from '../gates/gate-config';
import { loadGithubConfig, type GithubConfig } from '../github/config/github-config';
import { featureModules } from './feature-modules';
import { GatewayModule } from './gateway.module';
import { buildGatewayServices, type GatewayServices } from './gateway-services';
import { DEFAULT_HOST, listenOrExplain, NestPinoLogger } from '@tminus/service-kit';

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
  readonly maxBodyBytes?: number;
  /** GATE_MAX_LAG_MS / GATE_LAG_SAMPLE_MS (default: 10 s, sampled every second). */
  readonly gate?: GateConfig;
  /** GitHub webhook secret, API base URL and credentials (default: none configured). */
  readonly github?: GithubConfig;
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
    clock: deps.clock ?? (() => new Date()),
    gate: deps.gate,
  });
  let app: NestExpressApplication | undefined;
  try {
    await ensureSchema(db);
    const adminTokenFile = await bootstrapAdminToken({
      tokens: services.tokens,
      dataDir: deps.dataDir ?? './data',
      adminToken: deps.adminToken,
      logger,
    });
    await services.projector.start();
    await services.lag.start();
    app = await createHttpApp(deps, services);
    const host = deps.host ?? DEFAULT_HOST;
    const listening = app;
    await listenOrExplain(host, deps.port ?? DEFAULT_GATEWAY_PORT, () =>
      listening.listen(deps.port ?? DEFAULT_GATEWAY_PORT, host),
    );
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = `http://${urlHost(host)}:${port}`;
    logger.info({ port, graphql: `${url}/graphql` }, 'gateway listening');
    const started = app;
    return {
      port,
      url,
      adminTokenFile,
      services,
      close: () => stopGateway(started, services, ownsDb),
    };
  } catch (error) {
    await stopGateway(app, services, ownsDb).catch(() => undefined);
    throw error;
  }
}

async function createHttpApp(deps: GatewayDeps, services: GatewayServices): Promise<NestExpressApplication> {
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const graphql = graphqlOptions({
    authenticator: services.authenticator,
    logger: services.logger.child({ component: 'graphql' }),
    metrics: services.metrics,
    limits: { ...DEFAULT_QUERY_LIMITS, ...deps.limits },
    schemaFile: deps.schemaFile ?? false,
  });
  const features = deps.features ?? featureModules(services, deps.github ?? loadGithubConfig({}));
  const module = GatewayModule.create({ services, graphql, features });
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bodyParser: false,
    // The GitHub webhook checks its signature over the exact bytes received.
    rawBody: true,
    logger: new NestPinoLogger(services.logger.child({ component: 'nest' })),
  });
  app.useGlobalFilters(new GraphqlPassthroughFilter(app.getHttpAdapter()));
  app.useBodyParser('json', { limit: maxBodyBytes });
  app.use(bodyParserErrors(maxBodyBytes));
  return app;
}

/** Stops taking requests, ends subscriptions and waiting mutations, stops the projector, closes the database. */
async function stopGateway(
  app: NestExpressApplication | undefined,
  services: GatewayServices,
  ownsDb: boolean,
): Promise<void> {
  services.feed.closeAll();
  await app?.close();
  await services.lag.stop();
  await services.projector.stop();
  services.pending.rejectAll(new Error('The gateway is shutting down'));
  if (ownsDb) await services.db.close();
}
