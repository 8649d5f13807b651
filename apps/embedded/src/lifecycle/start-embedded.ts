import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { startChecklists } from '../../../checklists/src/index';
import { startLaunches } from '../../../launches/src/index';
import { startTeams } from '../../../teams/src/index';
import type { EmbeddedConfig } from '../config/embedded-config';
import { prepareDataDir, type DataDirLayout } from '../data-dir/data-dir';
import { lockDataDir, type DataDirLock } from '../data-dir/data-dir-lock';
import { verifyDataDir } from '../data-dir/integrity/verify-data-dir';
import type { AdminTokenSource } from './banner';
import { openEmbeddedInfrastructure, type EmbeddedInfrastructure } from './embedded-infrastructure';
import { startEmbeddedGateway } from './start-gateway';

export interface RunningEmbedded {
  readonly port: number;
  /** Where the gateway answers (http://HOST:PORT). */
  readonly url: string;
  readonly layout: DataDirLayout;
  readonly adminToken: AdminTokenSource;
  /** Gateway first (no new requests), then the services (consumers stop, relays flush), then bus and stores. */
  close(): Promise<void>;
}

interface Closable {
  readonly name: string;
  close(): Promise<void>;
}

interface RunningService extends Closable {
  readonly metrics?: Registry;
}

interface StartedApps {
  gateway?: Closable;
  services: RunningService[];
}

/** All four apps in this process, on SQLite files under the data directory and one in-process bus. */
export async function startEmbedded(config: EmbeddedConfig, logger: Logger): Promise<RunningEmbedded> {
  const { layout, tightened } = prepareDataDir(config.dataDir);
  if (tightened)
    logger.warn({ dataDir: layout.root }, 'the data directory was readable by others: narrowed to 0700');
  const lock = lockDataDir(layout.root);
  let infrastructure: EmbeddedInfrastructure;
  try {
    // Before any store opens a file: a store would silently recreate a missing or empty one.
    const state = verifyDataDir(layout);
    logger.info({ dataDir: layout.root, state }, 'data directory checked');
    infrastructure = await openEmbeddedInfrastructure(layout, logger.child({ component: 'messaging' }));
  } catch (error) {
    lock.release();
    throw error;
  }
  const apps: StartedApps = { services: [] };
  try {
    apps.services = await startServices(infrastructure, logger);
    const gateway = await startEmbeddedGateway({
      config,
      layout,
      bus: infrastructure.bus,
      logger,
      serviceMetrics: apps.services.flatMap((service) => (service.metrics ? [service.metrics] : [])),
    });
    apps.gateway = { name: 'gateway', close: () => gateway.close() };
    return {
      port: gateway.port,
      url: gateway.url,
      layout,
      adminToken: adminTokenSource(config, layout),
      close: closer(apps, infrastructure, lock, logger),
    };
  } catch (error) {
    await closer(apps, infrastructure, lock, logger)().catch(() => undefined);
    throw error;
  }
}

/** The services only talk through the bus: they start side by side, without HTTP servers of their own. */
async function startServices(
  infrastructure: EmbeddedInfrastructure,
  logger: Logger,
): Promise<RunningService[]> {
  const { stores, bus } = infrastructure;
  const starts = [
    { name: 'teams', start: () => startTeams({ store: stores.teams, bus, logger }) },
    { name: 'launches', start: () => startLaunches({ store: stores.launches, bus, logger }) },
    { name: 'checklists', start: () => startChecklists({ store: stores.checklists, bus, logger }) },
  ];
  const results = await Promise.allSettled(starts.map(({ start }) => start()));
  const running = results.flatMap((result, i) =>
    result.status === 'fulfilled'
      ? [{ name: starts[i].name, metrics: result.value.metrics?.registry, close: () => result.value.close() }]
      : [],
  );
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await Promise.allSettled(running.map((app) => app.close()));
    throw failed.reason;
  }
  return running;
}

function closer(
  apps: StartedApps,
  infrastructure: EmbeddedInfrastructure,
  lock: DataDirLock,
  logger: Logger,
) {
  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    const failures: unknown[] = [];
    const attempt = async (app: Closable) =>
      app.close().catch((error: unknown) => {
        logger.error({ err: error, app: app.name }, 'could not close cleanly');
        failures.push(error);
      });
    if (apps.gateway) await attempt(apps.gateway);
    await Promise.all(apps.services.map(attempt));
    try {
      await infrastructure.close();
    } finally {
      lock.release();
    }
    if (failures.length > 0)
      throw new AggregateError(failures, `${failures.length} app(s) did not close cleanly`);
  };
  return (): Promise<void> => (closing ??= close());
}

function adminTokenSource(config: EmbeddedConfig, layout: DataDirLayout): AdminTokenSource {
  if (config.adminToken) return { kind: 'environment' };
  const path = join(layout.root, 'admin.token');
  return existsSync(path) ? { kind: 'file', path } : { kind: 'gone', path };
}
