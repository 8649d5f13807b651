/**
 * A second, private Kafka broker for tests that stop and restart it (other tests keep using the
 * shared one). Same scripts as `npm run infra:up`, with its own ports, data and log directory.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafkaJars } from '../local-broker/kafka-jars';
import { startKafkaBroker, stopKafkaBroker, type BrokerStop } from '../local-broker/kafka-broker';
import { infraPaths, type InfraPaths } from '../local-broker/paths';
import { loadSettings, type InfraSettings } from '../local-broker/settings';

export interface PrivateKafka {
  readonly brokers: string[];
  readonly dir: string;
  start(): Promise<void>;
  stop(): Promise<BrokerStop>;
}

export function privateKafka(name: string, kafkaPort: number, controllerPort: number): PrivateKafka {
  const shared = infraPaths();
  const dir = join(shared.infraDir, name);
  const dataDir = join(dir, 'data');
  const logsDir = join(dir, 'logs');
  const paths: InfraPaths = {
    ...shared,
    logsDir,
    kafka: {
      ...shared.kafka,
      // Jars, pom and log4j configuration are the shared broker's; state, pid and logs are our own.
      dir,
      dataDir,
      metaProperties: join(dataDir, 'meta.properties'),
      serverProperties: join(dir, 'server.properties'),
      pidFile: join(dir, 'kafka.pid'),
      stdoutLog: join(logsDir, 'kafka.out'),
      serverLog: join(logsDir, 'server.log'),
    },
  };
  const settings: InfraSettings = loadSettings({
    KAFKA_PORT: String(kafkaPort),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
  });
  mkdirSync(logsDir, { recursive: true });
  const log = (message: string): void =>
    appendFileSync(join(logsDir, 'infra.log'), `${new Date().toISOString()} ${message}\n`);
  return {
    brokers: [...settings.brokers],
    dir,
    start: async () => {
      await ensureKafkaJars(paths, log);
      await startKafkaBroker(paths, settings, log);
    },
    stop: () => stopKafkaBroker(paths),
  };
}
