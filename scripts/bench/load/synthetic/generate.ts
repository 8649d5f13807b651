/**
 * `node -r @swc-node/register scripts/bench/load/synthetic/generate.ts <events> [--sqlite <file> | --postgres <url>]`:
 * fills a gateway event log with a synthetic history (see synthetic-events.ts), e.g. for
 * `npm run projections:rebuild` by hand. The bench scenarios call the same functions.
 */
import { openReadModelDatabase } from '../../../../apps/gateway/src/index';
import { syntheticEnvelopes } from './synthetic-events';
import { writeGatewayLog } from './write-gateway-log';

async function main(): Promise<void> {
  const [count = '1000000', flag = '--postgres', target = process.env.DATABASE_URL ?? ''] =
    process.argv.slice(2);
  if (!target) throw new Error('usage: generate.ts <events> [--sqlite <file> | --postgres <url>]');
  const db = await openReadModelDatabase(
    flag === '--sqlite' ? { type: 'sqlite', path: target } : { type: 'postgres', url: target },
  );
  const started = performance.now();
  try {
    const written = await writeGatewayLog(db, syntheticEnvelopes({ events: Number(count) }), (n) => {
      if (n % 100_000 === 0) process.stderr.write(`${n} events\n`);
    });
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `${written} events in ${seconds.toFixed(1)} s (${Math.round(written / seconds)}/s)\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
