import { allTopicSpecs, type ServiceName } from '@tminus/contracts';
import { createEventStore } from '@tminus/event-store';
import { createKafkaBus, ensureTopics, NamespacedBus, namespacedTopicName } from '@tminus/messaging';
import { stopTracing } from '@tminus/tracing';
import { ListenError } from '../config/listen-address';
import { loadServiceConfig, ServiceConfigError } from '../config/service-config';
import { closeOnSignals } from '../lifecycle/close-on-signals';
import { collectStartupGarbage } from '../lifecycle/collect-startup-garbage';
import { createServiceLogger } from '../observability/service-logger';
import type { RunningApp, ServiceDeps } from './start-service';

export interface ServiceMainOptions {
  readonly service: ServiceName;
  readonly defaultPort: number;
  readonly start: (deps: ServiceDeps) => Promise<RunningApp>;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The distributed entry of a service: validated env, PostgreSQL store, Kafka bus, the contract topics
 * (created if missing, nestjs/nest#13220), then the service; SIGTERM/SIGINT close it gracefully
 * ({@link closeOnSignals}).
 */
export async function runServiceMain({
  service,
  defaultPort,
  start,
  env = process.env,
}: ServiceMainOptions): Promise<void> {
  let config;
  try {
    config = loadServiceConfig(env, { service, port: defaultPort });
  } catch (error) {
    if (!(error instanceof ServiceConfigError)) throw error;
    process.stderr.write(`tminus-${service}: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const logger = createServiceLogger(service, config.logLevel);
  const messagingLogger = logger.child({ component: 'messaging' });
  await ensureTopics(
    config.kafkaBrokers,
    allTopicSpecs().map((spec) => ({ ...spec, name: namespacedTopicName(config.topicNamespace, spec.name) })),
  );
  const store = await createEventStore({
    kind: 'postgres',
    url: config.databaseUrl,
    source: `tminus.${service}`,
  });
  const bus = NamespacedBus.wrap(
    createKafkaBus({
      client: config.kafkaClient,
      brokers: config.kafkaBrokers,
      clientId: config.kafkaClientId,
      logger: messagingLogger,
    }),
    config.topicNamespace,
  );
  let app: RunningApp;
  try {
    app = await start({ store, bus, logger, port: config.port, host: config.host });
  } catch (error) {
    if (error instanceof ListenError) process.stderr.write(`tminus-${service}: ${error.message}\n`);
    else logger.error({ err: error }, 'could not start');
    await bus.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    process.exitCode = error instanceof ListenError ? 2 : 1;
    return;
  }
  // The same shutdown as the gateway and the embedded process: stop HTTP and the consumers (the batch in
  // flight finishes and commits), let the relay publish what was committed, then close the producer,
  // the database pool and the trace exporter (its last spans flushed); exit 0, or 1 past the timeout.
  closeOnSignals({
    logger,
    close: async () => {
      await app.close();
      await bus.close();
      await store.close();
      await stopTracing();
    },
  });
  // Idle RSS: what start-up left behind goes now, not when traffic first forces a collection.
  void collectStartupGarbage();
}
