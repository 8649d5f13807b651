/**
 * S4: `npm run projections:rebuild` of a synthetic 1M-event gateway log on PostgreSQL (200k with
 * --quick). The rebuild runs as the npm script runs it (its own process, the same node flags), on a
 * throwaway database the generator filled first; it reports its duration, its CPU time and its peak
 * RSS against its RSS before the rebuild began. Peer: reading the same log raw (pages of 2,000 rows
 * through `pg`, nothing parsed) — the floor of any rebuild that reads its input.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase } from '@tminus/testing';
import { openReadModelDatabase } from '../../../../apps/gateway/src/index';
import { syntheticEnvelopes } from '../synthetic/synthetic-events';
import { writeGatewayLog } from '../synthetic/write-gateway-log';
import type { ScenarioResult, Throughput } from '../verdict';
import type { RunSettings, Scenario } from './scenario';

const ROOT = join(__dirname, '..', '..', '..', '..');
/** The node flags of the `projections:rebuild` npm script (package.json): the same process. */
export const REBUILD_NODE_FLAGS = [
  '--max-old-space-size=256',
  '--max-semi-space-size=32',
  '-r',
  '@swc-node/register',
];

interface RebuildRun {
  readonly events: number;
  readonly durationMs: number;
  readonly cpuSeconds: number;
  readonly rssBeforeMb: number;
  readonly rssPeakMb: number;
}

/** Runs scripts/projections-rebuild.ts against the database and returns its closing report. */
export function runRebuild(url: string): Promise<RebuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...REBUILD_NODE_FLAGS, 'scripts/projections-rebuild.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const done = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Partial<RebuildRun> & { msg?: string })
        .find((line) => line.msg === 'done');
      if (code !== 0 || !done) reject(new Error(`projections:rebuild exited with ${code}`));
      else resolve(done as RebuildRun);
    });
  });
}

async function readRaw(url: string): Promise<Throughput> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const started = performance.now();
    let read = 0;
    for (let last = 0; ;) {
      const { rows } = await pool.query<{ seq: string; envelope: string }>(
        'SELECT seq, envelope FROM rm_events WHERE seq > $1 ORDER BY seq LIMIT 2000',
        [last],
      );
      if (rows.length === 0) break;
      read += rows.length;
      last = Number(rows[rows.length - 1].seq);
    }
    const seconds = (performance.now() - started) / 1000;
    return rate('raw pg read of the log', read, seconds);
  } finally {
    await pool.end();
  }
}

const rate = (label: string, events: number, seconds: number): Throughput => ({
  label,
  perSecond: events / seconds,
  p50Ms: 0,
  p99Ms: 0,
  requests: events,
  errors: 0,
  noLatency: true,
});

async function run(settings: RunSettings): Promise<ScenarioResult[]> {
  const events = settings.quick ? 200_000 : 1_000_000;
  const database = await createTestDatabase('bench_s4');
  try {
    const db = await openReadModelDatabase({ type: 'postgres', url: database.url });
    const generating = performance.now();
    try {
      await writeGatewayLog(db, syntheticEnvelopes({ events }));
    } finally {
      await db.close();
    }
    const generatedIn = (performance.now() - generating) / 1000;
    const peer = await readRaw(database.url);
    const rebuild = await runRebuild(database.url);
    const seconds = rebuild.durationMs / 1000;
    return [
      {
        id: 'S4',
        title: `projections:rebuild of ${events / 1000}k synthetic events on PostgreSQL`,
        goal: { minPerSecond: 50_000, maxMemory: { label: 'RSS growth', value: 200, unit: 'MB' } },
        measured: rate('rebuild', rebuild.events, seconds),
        peer,
        cpu: [{ process: 'rebuild', percentOfCore: (100 * rebuild.cpuSeconds) / seconds }],
        memory: rebuild.rssPeakMb - rebuild.rssBeforeMb,
        note:
          `generated in ${generatedIn.toFixed(0)} s (~92 events per launch, 64 launches in flight, 3 checklists ` +
          `of 20 items each); rebuild RSS ${rebuild.rssBeforeMb} MB before, ${rebuild.rssPeakMb} MB peak; ` +
          'the CPU column is the rebuild process only (PostgreSQL works beside it).',
      },
    ];
  } finally {
    await database.drop();
  }
}

export const s4Rebuild: Scenario = {
  id: 'S4',
  description: 'projections:rebuild of 1M synthetic events on PostgreSQL: events/s and RSS growth',
  run,
};
