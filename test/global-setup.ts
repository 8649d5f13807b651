/**
 * Jest global set-up for the integration and e2e projects: makes sure a real Kafka broker and a
 * PostgreSQL server are there, creates the contract topics and the services' databases, and
 * publishes both through process.env (KAFKA_BROKERS, PG_ADMIN_URL), which the test workers inherit.
 *
 * Kafka, first match wins:
 *   1. KAFKA_BROKERS is set: use it.
 *   2. The local broker of `npm run infra:up` already answers: reuse it (and leave it running).
 *   3. A Docker engine works: an apache/kafka container via testcontainers.
 *   4. Otherwise start the local broker, the same code path as `npm run infra:up`.
 * PostgreSQL: PG_ADMIN_URL or DATABASE_URL if set, else the local server (started if down), else
 * a container when Docker works.
 *
 * It also builds dist/ first: the e2e tests spawn the compiled apps, as `npm start` and the images run them.
 *
 * Jest may run this once per project; the second call returns at once.
 */
import { build } from '../scripts/build/build';
import { waitForKafka } from '../libs/messaging/src/kafka/kafka-admin';
import {
  assertContainerRuntime,
  dockerLooksReachable,
  isNoContainerRuntime,
  startKafkaContainer,
  startPostgresContainer,
} from '../libs/testing/src/infra/containers';
import {
  getTestInfraState,
  setTestInfraState,
  stopAll,
  type Stopper,
} from '../libs/testing/src/infra/global-state';
import {
  defaultContext,
  ensureContractTopics,
  ensureDatabases,
  ensureLocalKafka,
  ensurePostgresReachable,
  redactUrl,
  stopKafkaBroker,
  type InfraContext,
  type Log,
} from '../scripts/infra/index';
import { isKafkaAnswering } from '../libs/messaging/src/local-broker/kafka-broker';
import { DEFAULT_PG_ADMIN_URL } from '../libs/messaging/src/local-broker/settings';

/** An external or containerised broker should already be up or come up quickly. */
const EXTERNAL_KAFKA_TIMEOUT_MS = 60_000;

/** Answers "does Docker work?" at most once per run (testcontainers' probe takes ~0.5 s). */
type DockerProbe = () => Promise<boolean>;

export default async function globalSetup(): Promise<void> {
  if (getTestInfraState()) return;
  const startedAt = Date.now();
  // Leading newline: jest prints set-up output on the line of its own progress message.
  const log: Log = (message) => console.log(`\n[infra] ${message}`);
  const ctx = defaultContext({ log });
  const docker = dockerProbe(log);
  const stoppers: Stopper[] = [];
  // The e2e tiers run the built apps, as `npm start` and the images do (ADR 0012): build once (~1 s).
  log(`built ${await build()} files into dist/`);
  try {
    const kafka = await provideKafka(ctx, docker, stoppers);
    const pgAdminUrl = await providePostgres(ctx, docker, stoppers);
    await ensureContractTopics(kafka.brokers);
    await ensureDatabases(pgAdminUrl, ctx.settings.databases);

    process.env.KAFKA_BROKERS = kafka.brokers.join(',');
    process.env.PG_ADMIN_URL = pgAdminUrl;
    setTestInfraState({ kafkaBrokers: process.env.KAFKA_BROKERS, pgAdminUrl, stoppers });
    log(
      `Kafka ${process.env.KAFKA_BROKERS} (${kafka.source}), PostgreSQL ${redactUrl(pgAdminUrl)}; ` +
        `ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    );
  } catch (e) {
    // Do not leave a half-started environment behind when jest aborts.
    await stopAll(stoppers, log);
    throw e;
  }
}

interface ProvidedKafka {
  readonly brokers: string[];
  /** Where it came from, for the set-up log. */
  readonly source: string;
}

async function provideKafka(
  ctx: InfraContext,
  docker: DockerProbe,
  stoppers: Stopper[],
): Promise<ProvidedKafka> {
  const fromEnv = splitBrokers(process.env.KAFKA_BROKERS);
  if (fromEnv.length > 0) {
    await waitForKafka(fromEnv, EXTERNAL_KAFKA_TIMEOUT_MS);
    return { brokers: fromEnv, source: 'from KAFKA_BROKERS' };
  }
  const local = [...ctx.settings.brokers];
  if (await isKafkaAnswering(local)) return { brokers: local, source: 'local broker, already running' };

  if (await docker()) {
    const container = await startKafkaContainer();
    stoppers.push({ what: 'Kafka container', stop: container.stop });
    await waitForKafka([container.address], EXTERNAL_KAFKA_TIMEOUT_MS);
    return { brokers: [container.address], source: 'testcontainers' };
  }

  const started = await ensureLocalKafka(ctx);
  if (started.started) {
    stoppers.push({
      what: `local Kafka broker (pid ${started.pid})`,
      stop: async () => void (await stopKafkaBroker(ctx.paths)),
    });
  }
  return { brokers: started.brokers, source: started.started ? 'local broker, started' : 'local broker' };
}

async function providePostgres(ctx: InfraContext, docker: DockerProbe, stoppers: Stopper[]): Promise<string> {
  const explicit = process.env.PG_ADMIN_URL || process.env.DATABASE_URL;
  if (explicit) {
    await ensurePostgresReachable(explicit, ctx.log);
    return explicit;
  }
  try {
    await ensurePostgresReachable(DEFAULT_PG_ADMIN_URL, ctx.log);
    return DEFAULT_PG_ADMIN_URL;
  } catch (localError) {
    if (!(await docker())) throw localError;
    const container = await startPostgresContainer();
    stoppers.push({ what: 'PostgreSQL container', stop: container.stop });
    return container.address;
  }
}

function dockerProbe(log: Log): DockerProbe {
  let verdict: Promise<boolean> | undefined;
  const probe = async (): Promise<boolean> => {
    if (!dockerLooksReachable()) return false;
    try {
      await assertContainerRuntime();
      return true;
    } catch (e) {
      if (!isNoContainerRuntime(e)) throw e;
      log('A Docker socket is configured but no container runtime answers; using local services.');
      return false;
    }
  };
  return () => (verdict ??= probe());
}

const splitBrokers = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
