/**
 * The gateway's distributed entry: PostgreSQL (DATABASE_URL) and Kafka (KAFKA_BROKERS), one process.
 * Env: PORT, HOST, DATABASE_URL, KAFKA_BROKERS, KAFKA_CLIENT_ID, LOG_LEVEL, TMINUS_DATA_DIR, TMINUS_ADMIN_TOKEN,
 * GATEWAY_INSTANCE_ID, COMMAND_TIMEOUT_MS, RATE_LIMIT_PER_MINUTE, KAFKA_TOPIC_NAMESPACE, GATE_MAX_LAG_MS, GATE_LAG_SAMPLE_MS,
 * and the GITHUB_* settings of the deployment protection rule (docs/pipelines.md).
 */
// First: tracing must be set up before the modules it instruments load (docs/observability.md).
import '@tminus/tracing/register';
import { allTopicSpecs } from '@tminus/contracts';
import { createKafkaBus, ensureTopics, NamespacedBus, namespacedTopicName } from '@tminus/messaging';
import { closeOnSignals, collectStartupGarbage, createServiceLogger, ListenError } from '@tminus/service-kit';
import { stopTracing } from '@tminus/tracing';
import { loadGateConfig } from './core/gates/gate-config';
import { loadGithubConfig } from './doors/github/config/github-config';
import { loadIncidentIngestConfig } from './core/incidents/config/incident-ingest-config';
import { loadGatewayConfig, startGateway } from './index';

async function main(): Promise<void> {
  let config;
  let gate;
  let github;
  let incidents;
  try {
    config = loadGatewayConfig();
    gate = loadGateConfig(process.env);
    github = loadGithubConfig(process.env);
    incidents = loadIncidentIngestConfig(process.env);
  } catch (error) {
    process.stderr.write(`tminus-gateway: ${(error as Error).message}\n`);
    process.exit(2);
  }
  // The services' logger: JSON lines named tminus-gateway, trace_id/span_id inside traced requests.
  const logger = createServiceLogger('gateway', config.LOG_LEVEL).child({
    instance: config.GATEWAY_INSTANCE_ID,
  });
  const namespace = config.KAFKA_TOPIC_NAMESPACE;
  // Topics exist before anything consumes (nestjs/nest#13220).
  await ensureTopics(
    config.KAFKA_BROKERS,
    allTopicSpecs().map((spec) => ({ ...spec, name: namespacedTopicName(namespace, spec.name) })),
  );
  const bus = NamespacedBus.wrap(
    createKafkaBus({
      client: config.TMINUS_KAFKA_CLIENT,
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID,
      logger: logger.child({ component: 'kafka' }),
    }),
    namespace,
  );
  const gateway = await startGateway({
    database: { type: 'postgres', url: config.DATABASE_URL },
    bus,
    logger,
    port: config.PORT,
    host: config.HOST,
    dataDir: config.TMINUS_DATA_DIR,
    adminToken: config.TMINUS_ADMIN_TOKEN,
    instanceId: config.GATEWAY_INSTANCE_ID,
    commandTimeoutMs: config.COMMAND_TIMEOUT_MS,
    rateLimit: { limit: config.RATE_LIMIT_PER_MINUTE, windowMs: 60_000 },
    gate,
    github,
    incidents,
  });
  // The services' shutdown: drain HTTP (requests in flight get their answer), stop the projector, close the
  // read model, then the Kafka clients and the trace exporter; the timeout leaves the drain its time.
  closeOnSignals({
    logger,
    timeoutMs: config.COMMAND_TIMEOUT_MS + 5_000,
    close: async () => {
      await gateway.close();
      await bus.close();
      await stopTracing();
    },
  });
  // Idle RSS: what start-up left behind goes now, not when traffic first forces a collection.
  void collectStartupGarbage();
}

main().catch((error: unknown) => {
  if (error instanceof ListenError) {
    process.stderr.write(`tminus-gateway: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
