import type { MessageBus } from '@tminus/messaging';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import {
  loadGateConfig,
  loadGithubConfig,
  loadIncidentIngestConfig,
  startGateway,
} from '../../../gateway/src/index';
import type { EmbeddedConfig } from '../config/embedded-config';
import type { DataDirLayout } from '../data-dir/data-dir';

export interface EmbeddedGatewayDeps {
  readonly config: EmbeddedConfig;
  readonly layout: DataDirLayout;
  readonly bus: MessageBus;
  readonly logger: Logger;
  /** The in-process services' metrics, served on the gateway's `/metrics` with its own. */
  readonly serviceMetrics?: readonly Registry[];
}

export interface RunningGateway {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * One gateway instance, always the same one: its consumer group (and so its read-model position on
 * the bus) must survive restarts, so the instance id is fixed rather than the host name.
 */
export const EMBEDDED_GATEWAY_INSTANCE = 'embedded';

/** The gateway on `gateway.db` and the shared bus, on the configured port. */
export async function startEmbeddedGateway({
  config,
  layout,
  bus,
  logger,
  serviceMetrics = [],
}: EmbeddedGatewayDeps): Promise<RunningGateway> {
  const gateway = await startGateway({
    database: { type: 'sqlite', path: layout.gatewayDb },
    bus,
    logger,
    port: config.port,
    host: config.host,
    dataDir: layout.root,
    adminToken: config.adminToken,
    instanceId: EMBEDDED_GATEWAY_INSTANCE,
    commandTimeoutMs: config.commandTimeoutMs,
    // Honoured as in the distributed gateway (the load bench lifts it); unset keeps the gateway's default.
    ...(config.rateLimitPerMinute
      ? { rateLimit: { limit: config.rateLimitPerMinute, windowMs: 60_000 } }
      : {}),
    gate: loadGateConfig(process.env),
    github: loadGithubConfig(process.env),
    incidents: loadIncidentIngestConfig(process.env),
  });
  // One process, one scrape target: the services' command durations, outbox and lag join the gateway's.
  gateway.services.metrics.serveInProcess(serviceMetrics);
  return gateway;
}
