/**
 * `npm run bench:startup`: how long `npm start` takes from spawn to the first answered GraphQL query,
 * on a clean data directory (cold: schemas created, first ADMIN token issued) and on the same
 * directory again (warm restart). Each run spawns the real process, polls /health, then queries.
 * BENCH_STARTUP_RUNS (default 3) runs of each; BENCH_STARTUP_VIA=node skips npm's own start-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../build/build';
import { EmbeddedProcess, freePort } from '../../apps/embedded/src/client/embedded-process';
import { GraphqlClient } from '../../apps/embedded/src/client/graphql-client';

export interface StartupTiming {
  /** Spawn to /health 200. */
  readonly healthyMs: number;
  /** Spawn to the first query answered without errors. */
  readonly firstQueryMs: number;
}

export async function measureStartup(dataDir: string, via: 'node' | 'npm'): Promise<StartupTiming> {
  const started = Date.now();
  const running = EmbeddedProcess.spawn({ dataDir, port: await freePort(), via, env: { LOG_LEVEL: 'warn' } });
  try {
    await running.ready(120_000);
    const healthyMs = Date.now() - started;
    const client = new GraphqlClient({ url: running.graphqlUrl, token: await running.adminToken() });
    await client.request('query BenchFirst { teams { key } }');
    return { healthyMs, firstQueryMs: Date.now() - started };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- process output ---\n${running.logs()}`, {
      cause: error,
    });
  } finally {
    await running.kill('SIGTERM');
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const row = (label: string, timings: StartupTiming[]): string => {
  const first = timings.map((t) => t.firstQueryMs);
  const healthy = timings.map((t) => t.healthyMs);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return `${label.padEnd(14)} health ${s(median(healthy)).padStart(7)}   first query ${s(median(first)).padStart(7)}   (min ${s(Math.min(...first))}, max ${s(Math.max(...first))})`;
};

export async function runStartupBenchmark(): Promise<void> {
  const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
  const via = process.env.BENCH_STARTUP_VIA === 'node' ? 'node' : 'npm';
  if (via === 'node') await build();
  const cold: StartupTiming[] = [];
  const warm: StartupTiming[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'tminus-bench-startup-'));
    try {
      cold.push(await measureStartup(dataDir, via));
      warm.push(await measureStartup(dataDir, via));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  process.stdout.write(
    [
      `startup of \`${via === 'npm' ? 'npm start' : 'node dist/apps/embedded/src/main.js'}\`, median of ${runs} (spawn → /health 200 → first query)`,
      row('clean data dir', cold),
      row('restart', warm),
      '',
    ].join('\n'),
  );
}

if (require.main === module) {
  runStartupBenchmark().catch((error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.message : error)}\n`);
    process.exitCode = 1;
  });
}
