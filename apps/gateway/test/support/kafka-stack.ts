import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allTopicSpecs } from '@tminus/contracts';
import { KafkaBus, NamespacedBus, type MessageBus } from '@tminus/messaging';
import {
  createTestDatabase,
  createTestTopics,
  kafkaBrokers,
  type TestDatabase,
  type TestTopics,
} from '@tminus/testing';
import { Client } from 'pg';
import pino from 'pino';
import { startGateway, type GatewayDeps, type RunningGateway } from '../../src/index';
import { FakeServices } from './fake-services';
import { postGraphql, type GraphqlResponse } from './test-gateway';

/**
 * Real infrastructure for the gateway: its own PostgreSQL database and its own namespace of the
 * contract topics on the shared broker, plus fake services answering commands over Kafka.
 */
export interface KafkaStack {
  readonly db: TestDatabase;
  readonly bus: MessageBus;
  readonly services: FakeServices;
  readonly dataDir: string;
  start(instanceId: string, overrides?: Partial<GatewayDeps>): Promise<RunningGateway>;
  sql<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export async function startKafkaStack(prefix: string): Promise<KafkaStack> {
  const namespace = `${prefix}-${randomBytes(4).toString('hex')}`;
  const topics: TestTopics = await createTestTopics(
    allTopicSpecs().map((spec) => ({ ...spec, name: `${namespace}.${spec.name}` })),
  );
  const db = await createTestDatabase(prefix.replace(/-/g, '_'));
  const kafka = new KafkaBus({ brokers: kafkaBrokers(), clientId: namespace });
  const bus = NamespacedBus.wrap(kafka, namespace);
  const services = await new FakeServices(bus).consume(bus, 'fake-services');
  const dataDir = mkdtempSync(join(tmpdir(), 'tminus-gateway-it-'));
  const gateways: RunningGateway[] = [];
  const client = new Client({ connectionString: db.url });
  await client.connect();
  return {
    db,
    bus,
    services,
    dataDir,
    start: async (instanceId, overrides = {}) => {
      const gateway = await startGateway({
        database: { type: 'postgres', url: db.url, poolSize: 4 },
        bus,
        logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
        port: 0,
        host: '127.0.0.1',
        dataDir,
        instanceId,
        commandTimeoutMs: 15_000,
        ...overrides,
      });
      gateways.push(gateway);
      return gateway;
    },
    sql: async <Row>(text: string, params: unknown[] = []) =>
      (await client.query(text, params)).rows as Row[],
    close: async () => {
      for (const gateway of gateways) await gateway.close();
      await services.close();
      await bus.close();
      await client.end();
      await db.drop();
      await topics.delete();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const adminTokenOf = (stack: KafkaStack): string =>
  readFileSync(join(stack.dataDir, 'admin.token'), 'utf8').trim();

export const graphqlOn =
  (gateway: RunningGateway, token: string | null) =>
  <Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<Data>> =>
    postGraphql<Data>(gateway.url, query, variables, token);
