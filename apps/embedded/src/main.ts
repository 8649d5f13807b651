/**
 * `npm start`: launches, teams, checklists and the gateway in one process, on SQLite files under
 * TMINUS_DATA_DIR and a durable in-process bus (docs/adr/0006-embedded-mode.md).
 */
// First: tracing must be set up before the modules it instruments load (docs/observability.md).
import '@tminus/tracing/register';
import 'reflect-metadata';
import { closeOnSignals, collectStartupGarbage, ListenError } from '@tminus/service-kit';
import { stopTracing, traceLogFields } from '@tminus/tracing';
import pino from 'pino';
import { EmbeddedConfigError, loadEmbeddedConfig, type EmbeddedConfig } from './config/embedded-config';
import { DataDirDamagedError } from './data-dir/integrity/data-dir-damaged-error';
import { renderBanner } from './lifecycle/banner';
import { startEmbedded } from './lifecycle/start-embedded';

async function main(): Promise<void> {
  // Loading the code (TypeScript compiled on the fly) is most of a cold start: time the apps separately.
  const loadedInMs = Math.round(process.uptime() * 1000);
  let config: EmbeddedConfig;
  try {
    config = loadEmbeddedConfig(process.env);
  } catch (error) {
    if (!(error instanceof EmbeddedConfigError)) throw error;
    process.stderr.write(`tminus: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  // trace_id/span_id on every line of a traced request, as in the distributed apps.
  const logger = pino({ name: 'tminus', level: config.logLevel, mixin: traceLogFields });
  let running;
  try {
    running = await startEmbedded(config, logger);
  } catch (error) {
    if (error instanceof ListenError || error instanceof DataDirDamagedError) {
      // One line for the operator: what is wrong and what to change. Exit 2: do not retry as is.
      process.stderr.write(`tminus: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    logger.error({ err: error }, 'could not start');
    process.exitCode = 1;
    return;
  }
  closeOnSignals({ close: () => running.close().then(stopTracing), logger });
  const readyInMs = Math.round(process.uptime() * 1000);
  const facts = {
    url: running.url,
    host: config.host,
    dataDir: running.layout.root,
    adminToken: running.adminToken,
    readyInMs,
  };
  logger.info(
    { ...facts, codeLoadedInMs: loadedInMs, appsStartedInMs: readyInMs - loadedInMs },
    'tminus ready',
  );
  // For the person at the terminal; stdout stays JSON lines for log shippers.
  process.stderr.write(renderBanner(facts));
  // Idle RSS: what start-up left behind goes now, not when traffic first forces a collection.
  void collectStartupGarbage();
}

void main();
