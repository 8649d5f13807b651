/**
 * `npm run projections:rebuild`: rebuilds the gateway's read model from the events it stored and
 * switches to it atomically (gateways may keep running). PostgreSQL when DATABASE_URL is set (the
 * gateway's database), else the embedded SQLite file `<TMINUS_DATA_DIR>/gateway.db`.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import pino from 'pino';
import {
  GATEWAY_SQLITE_FILE,
  openReadModelDatabase,
  rebuildProjections,
  type ReadModelDatabaseOptions,
} from '../apps/gateway/src/index';

function databaseOptions(env: NodeJS.ProcessEnv): ReadModelDatabaseOptions {
  if (env.DATABASE_URL) return { type: 'postgres', url: env.DATABASE_URL };
  const path = join(env.TMINUS_DATA_DIR || './data', GATEWAY_SQLITE_FILE);
  if (!existsSync(path)) {
    throw new Error(
      `No gateway database: set DATABASE_URL, or TMINUS_DATA_DIR to a data directory holding ${GATEWAY_SQLITE_FILE} (looked at ${path})`,
    );
  }
  return { type: 'sqlite', path };
}

async function main(): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL || 'info' });
  const options = databaseOptions(process.env);
  const db = await openReadModelDatabase(options);
  const rssBefore = process.memoryUsage.rss();
  const cpuBefore = process.cpuUsage();
  try {
    const report = await rebuildProjections(db, { logger });
    // Peak resident memory of the whole run (maxRSS is in KiB) against the RSS before the rebuild.
    const memory = {
      rssBeforeMb: Math.round(rssBefore / 2 ** 20),
      rssPeakMb: Math.round(process.resourceUsage().maxRSS / 1024),
      cpuSeconds: Object.values(process.cpuUsage(cpuBefore)).reduce((sum, us) => sum + us, 0) / 1e6,
    };
    logger.info({ database: options.type, ...report, ...memory }, 'done');
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `projections:rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
