/**
 * `node -r @swc-node/register scripts/bench/load/synthetic/generate.ts <events> <target>`: writes a
 * synthetic history (see synthetic-events.ts), e.g. for `npm run projections:rebuild` by hand.
 * Targets: `--postgres <url>` or `--sqlite <file>`: the gateway's event log only; `--data-dir <dir>`:
 * an embedded-layout directory with the three services' event stores (launches.db, teams.db,
 * checklists.db) and the gateway's log (gateway.db; its projections stay empty until a rebuild).
 * The bench scenarios call the same functions.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { createEventStore, type EventStore } from '@tminus/event-store';
import { GATEWAY_SQLITE_FILE, openReadModelDatabase } from '../../../../apps/gateway/src/index';
import { syntheticEnvelopes } from './synthetic-events';
import { writeGatewayLog } from './write-gateway-log';
import { writeServiceStores } from './write-service-stores';

const SERVICES = ['launches', 'teams', 'checklists'] as const;

async function writeDataDir(dir: string, events: number): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const stores = new Map<string, EventStore>();
  try {
    for (const service of SERVICES) {
      const source = `tminus.${service}`;
      stores.set(
        source,
        await createEventStore({ kind: 'sqlite', file: join(dir, `${service}.db`), source }),
      );
    }
    await writeServiceStores(stores, syntheticEnvelopes({ events }));
  } finally {
    for (const store of stores.values()) await store.close();
  }
  const db = await openReadModelDatabase({ type: 'sqlite', path: join(dir, GATEWAY_SQLITE_FILE) });
  try {
    return await writeGatewayLog(db, syntheticEnvelopes({ events }));
  } finally {
    await db.close();
  }
}

async function writeLog(events: number, flag: string, target: string): Promise<number> {
  const db = await openReadModelDatabase(
    flag === '--sqlite' ? { type: 'sqlite', path: target } : { type: 'postgres', url: target },
  );
  try {
    return await writeGatewayLog(db, syntheticEnvelopes({ events }));
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const [count = '1000000', flag = '--postgres', target = process.env.DATABASE_URL ?? ''] =
    process.argv.slice(2);
  if (!target)
    throw new Error('usage: generate.ts <events> [--postgres <url> | --sqlite <file> | --data-dir <dir>]');
  const started = performance.now();
  const events = Number(count);
  const written =
    flag === '--data-dir' ? await writeDataDir(target, events) : await writeLog(events, flag, target);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${written} events in ${seconds.toFixed(1)} s (${Math.round(written / seconds)}/s)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
