/**
 * Kafka and PostgreSQL in containers, for machines with a Docker engine (CI runners, laptops).
 * The jest global set-up tries these first when Docker looks reachable and falls back to the local
 * broker (scripts/infra) when it is not. testcontainers is loaded lazily: without Docker it is never
 * imported at all.
 *
 * NOTE: this path cannot run on the project's Docker-less development machine; the local path is
 * the one exercised there.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { StartedTestContainer } from 'testcontainers';

/** What testcontainers says when no engine answers (detect it once). */
const NO_CONTAINER_RUNTIME = 'Could not find a working container runtime strategy';

const KAFKA_IMAGE = process.env.KAFKA_IMAGE || 'apache/kafka:4.4.0';
const POSTGRES_IMAGE = process.env.POSTGRES_IMAGE || 'postgres:17-alpine';

export interface StartedService {
  /** KAFKA_BROKERS entry or PostgreSQL admin URL. */
  readonly address: string;
  stop(): Promise<void>;
}

/** A cheap pre-check, so machines without Docker never pay for loading testcontainers. */
export const dockerLooksReachable = (): boolean =>
  Boolean(process.env.DOCKER_HOST) || existsSync('/var/run/docker.sock');

/** True when `error` means "there is no working Docker", as opposed to a real failure in Docker. */
export const isNoContainerRuntime = (error: unknown): boolean =>
  error instanceof Error && error.message.includes(NO_CONTAINER_RUNTIME);

/** Throws an error containing NO_CONTAINER_RUNTIME when Docker does not work. */
export async function assertContainerRuntime(): Promise<void> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  await getContainerRuntimeClient();
}

/**
 * A single-node KRaft broker. Kafka hands clients its advertised address, so the host port must
 * be known before the container starts: pick a free one and bind it explicitly.
 */
export async function startKafkaContainer(): Promise<StartedService> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const host = dockerHostName();
  const hostPort = await freePort();
  const container: StartedTestContainer = await new GenericContainer(KAFKA_IMAGE)
    .withExposedPorts({ container: 9092, host: hostPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://0.0.0.0:9092,CONTROLLER://127.0.0.1:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${hostPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@127.0.0.1:9093',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
      // Same single-node settings as the local broker (libs/messaging/src/local-broker/kafka-broker.ts).
      KAFKA_NUM_PARTITIONS: '1',
      KAFKA_DEFAULT_REPLICATION_FACTOR: '1',
      KAFKA_MIN_INSYNC_REPLICAS: '1',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forListeningPorts())
    .withStartupTimeout(120_000)
    .start();
  return { address: `${host}:${hostPort}`, stop: async () => void (await container.stop()) };
}

/** A throw-away PostgreSQL server with trust authentication, like the development machine's. */
export async function startPostgresContainer(): Promise<StartedService> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(POSTGRES_IMAGE)
    .withExposedPorts(5432)
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
    // The image starts the server twice (init, then for real): wait for the second message.
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .withStartupTimeout(120_000)
    .start();
  const address = `postgres://postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
  return { address, stop: async () => void (await container.stop()) };
}

/** The host name clients use to reach published ports: the DOCKER_HOST machine, or loopback. */
function dockerHostName(): string {
  const dockerHost = process.env.DOCKER_HOST;
  if (dockerHost?.startsWith('tcp://')) return new URL(dockerHost.replace(/^tcp:/, 'http:')).hostname;
  return '127.0.0.1';
}

/** A port free right now on this machine (the OS picks it); the container binds it moments later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('Could not find a free TCP port'))));
    });
  });
}
