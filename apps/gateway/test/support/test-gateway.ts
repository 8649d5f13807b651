import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startGateway, type GatewayDeps, type RunningGateway } from '../../src/index';
import { FakeBus } from './fake-bus';
import { FakeServices } from './fake-services';

export interface GraphqlResponse<Data = Record<string, unknown>> {
  readonly status: number;
  readonly data?: Data | null;
  readonly errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
}

export interface TestGateway {
  readonly gateway: RunningGateway;
  readonly bus: FakeBus;
  readonly services: FakeServices;
  readonly adminToken: string;
  readonly dataDir: string;
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphqlResponse<Data>>;
  close(): Promise<void>;
}

/** A gateway on SQLite (in a temp dir) and a fake bus with fake services: no broker, no PostgreSQL. */
export async function startTestGateway(overrides: Partial<GatewayDeps> = {}): Promise<TestGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tminus-gateway-'));
  const bus = new FakeBus();
  const services = new FakeServices(bus).start(bus);
  const gateway = await startGateway({
    database: { type: 'sqlite', path: join(dataDir, 'gateway.sqlite') },
    bus,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    instanceId: 'test',
    commandTimeoutMs: 3_000,
    ...overrides,
  });
  const adminToken = overrides.adminToken ?? readFileSync(join(dataDir, 'admin.token'), 'utf8').trim();
  return {
    gateway,
    bus,
    services,
    adminToken,
    dataDir,
    graphql: (query, variables, token = adminToken) => postGraphql(gateway.url, query, variables, token),
    close: async () => {
      await services.close();
      await gateway.close();
      await bus.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postGraphql<Data>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = null,
): Promise<GraphqlResponse<Data>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphqlResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}
