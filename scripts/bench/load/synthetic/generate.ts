/**
 * `node -r @swc-node/register scripts/bench/load/synthetic/generate.ts <events> <target>`: writes a
 * synthetic history (see synthetic-events.ts), e.g. for `npm run projections:rebuild` by hand.
 * Targets: `--postgres <url>` or `--sqlite <file>`: the gateway's event log only; `--data-dir <dir>`:
 * a complete embedded data directory `npm start` opens (see write-data-dir.ts).
 * The bench scenarios call the same functions.
 */
import { openReadModelDatabase } from '../../../../apps/gateway/src/index';
import { syntheticEnvelopes } from './synthetic-events';
import { writeDataDir } from './write-data-dir';
import { writeGatewayLog } from './write-gateway-log';

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
  let written: number;
  if (flag === '--data-dir') {
    const report = await writeDataDir(target, events);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    written = report.logged;
  } else written = await writeLog(events, flag, target);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${written} events in ${seconds.toFixed(1)} s (${Math.round(written / seconds)}/s)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
