/**
 * Local infrastructure for development and tests: a real Kafka broker from Maven Central jars and
 * the services' PostgreSQL databases. Used by `npm run infra:*` (scripts/infra.ts) and by the jest
 * global set-up (test/global-setup.ts), so both take the same code path.
 *
 * Imports are relative, not `@tminus/...`: jest loads its global set-up without moduleNameMapper,
 * and the CLI should not load the whole messaging library just to create topics.
 */
import { allTopicSpecs } from '../../libs/contracts/src/topics';
import { ensureTopics, topicPartitionCounts } from '../../libs/messaging/src/kafka/kafka-admin';
import { ensureKafkaJars, type JarsOutcome } from '../../libs/messaging/src/local-broker/kafka-jars';
import {
  isKafkaAnswering,
  runningBrokerPid,
  startKafkaBroker,
  stopKafkaBroker,
  type BrokerStop,
} from '../../libs/messaging/src/local-broker/kafka-broker';
import { infraPaths, type InfraPaths } from '../../libs/messaging/src/local-broker/paths';
import {
  databaseUrl,
  ensureDatabases,
  ensurePostgresReachable,
  existingDatabases,
  pingPostgres,
} from './postgres';
import type { Log } from '../../libs/messaging/src/local-broker/process';
import { loadSettings, type InfraSettings } from '../../libs/messaging/src/local-broker/settings';

export { infraPaths, type InfraPaths } from '../../libs/messaging/src/local-broker/paths';
export {
  loadSettings,
  SERVICE_DATABASES,
  type InfraSettings,
} from '../../libs/messaging/src/local-broker/settings';
export { databaseUrl, ensureDatabases, ensurePostgresReachable, redactUrl } from './postgres';
export { stopKafkaBroker, type BrokerStop } from '../../libs/messaging/src/local-broker/kafka-broker';
export type { Log } from '../../libs/messaging/src/local-broker/process';

export interface InfraContext {
  readonly paths: InfraPaths;
  readonly settings: InfraSettings;
  readonly log: Log;
}

export const defaultContext = (overrides: Partial<InfraContext> = {}): InfraContext => ({
  paths: overrides.paths ?? infraPaths(),
  settings: overrides.settings ?? loadSettings(),
  log: overrides.log ?? ((message: string) => console.log(message)),
});

export interface LocalKafka {
  readonly brokers: string[];
  /** True if this call started the broker: only then should its caller stop it again. */
  readonly started: boolean;
  readonly pid: number | undefined;
  readonly jars: JarsOutcome | 'skipped';
}

/** Starts the local broker if nothing answers on its port yet (fetching jars only then). */
export async function ensureLocalKafka(ctx: InfraContext): Promise<LocalKafka> {
  const brokers = [...ctx.settings.brokers];
  if (await isKafkaAnswering(brokers)) {
    return { brokers, started: false, pid: runningBrokerPid(ctx.paths), jars: 'skipped' };
  }
  const jars = await ensureKafkaJars(ctx.paths, ctx.log);
  const { started, pid } = await startKafkaBroker(ctx.paths, ctx.settings, ctx.log);
  return { brokers, started, pid, jars };
}

/** Creates every contract topic (dead-letter topics included) that is missing; @returns the created ones. */
export async function ensureContractTopics(brokers: readonly string[]): Promise<string[]> {
  return ensureTopics(brokers, allTopicSpecs());
}

/** Starts PostgreSQL if needed and creates the services' databases; @returns the created ones. */
export async function ensureServiceDatabases(ctx: InfraContext): Promise<string[]> {
  await ensurePostgresReachable(ctx.settings.pgAdminUrl, ctx.log);
  return ensureDatabases(ctx.settings.pgAdminUrl, ctx.settings.databases);
}

export interface InfraUpResult {
  readonly kafka: LocalKafka;
  readonly createdTopics: string[];
  readonly createdDatabases: string[];
  readonly databaseUrls: Readonly<Record<string, string>>;
  readonly elapsedMs: number;
}

/** `npm run infra:up`: idempotent; a second run with everything up only checks. */
export async function infraUp(ctx: InfraContext): Promise<InfraUpResult> {
  const startedAt = Date.now();
  const kafka = await ensureLocalKafka(ctx);
  const createdTopics = await ensureContractTopics(kafka.brokers);
  const createdDatabases = await ensureServiceDatabases(ctx);
  const databaseUrls = Object.fromEntries(
    ctx.settings.databases.map((name) => [name, databaseUrl(ctx.settings.pgAdminUrl, name)]),
  );
  return { kafka, createdTopics, createdDatabases, databaseUrls, elapsedMs: Date.now() - startedAt };
}

/** `npm run infra:down`: stops the broker this checkout started. PostgreSQL is the machine's; left alone. */
export async function infraDown(ctx: InfraContext): Promise<BrokerStop> {
  return stopKafkaBroker(ctx.paths);
}

export interface TopicStatus {
  readonly name: string;
  readonly expectedPartitions: number;
  /** undefined when the topic does not exist. */
  readonly partitions: number | undefined;
}

export interface InfraStatus {
  readonly kafka: {
    readonly pid: number | undefined;
    readonly answering: boolean;
    readonly brokers: string[];
  };
  readonly topics: TopicStatus[];
  readonly postgres: { readonly answering: boolean; readonly error?: string };
  readonly databases: ReadonlyArray<{ readonly name: string; readonly present: boolean }>;
  /** Broker answers, every topic exists with its partition count, every database exists. */
  readonly healthy: boolean;
}

/** `npm run infra:status`: only looks, never starts or creates anything. */
export async function infraStatus(ctx: InfraContext): Promise<InfraStatus> {
  const brokers = [...ctx.settings.brokers];
  const answering = await isKafkaAnswering(brokers);
  const specs = allTopicSpecs();
  const partitions = answering ? await topicPartitionCounts(brokers) : new Map<string, number>();
  const topics = specs.map((s) => ({
    name: s.name,
    expectedPartitions: s.partitions,
    partitions: partitions.get(s.name),
  }));

  const postgres = await pingPostgres(ctx.settings.pgAdminUrl).then(
    () => ({ answering: true }),
    (e: Error) => ({ answering: false, error: e.message }),
  );
  const present = postgres.answering
    ? await existingDatabases(ctx.settings.pgAdminUrl, ctx.settings.databases)
    : new Set<string>();
  const databases = ctx.settings.databases.map((name) => ({ name, present: present.has(name) }));

  const healthy =
    answering &&
    topics.every((t) => t.partitions === t.expectedPartitions) &&
    postgres.answering &&
    databases.every((d) => d.present);
  return {
    kafka: { pid: runningBrokerPid(ctx.paths), answering, brokers },
    topics,
    postgres,
    databases,
    healthy,
  };
}
