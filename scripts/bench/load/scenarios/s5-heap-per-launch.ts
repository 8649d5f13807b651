/**
 * S5 (first half): the gateway's heap per launch. A distributed gateway (its production node flags,
 * PostgreSQL read model) starts twice: on an empty read model, then on one holding 10k synthetic
 * launches (1k with --quick; the generator's log, filled by `projections:rebuild`). Each launch is
 * then read once (its REST gate: the readiness path and its caches), and the process reports its heap
 * after a forced GC (scripts/bench/load/heap-probe.ts). Goal: (heap filled − heap empty) / launches
 * ≤ 2 KB. Full-size runs stay out of the test suite.
 */
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { allTopicSpecs } from '@tminus/contracts';
import { ensureTopics, namespacedTopicName } from '@tminus/messaging';
import { createTestDatabase, kafkaBrokers } from '@tminus/testing';
import {
  builtEntry,
  freePort,
  PRODUCTION_NODE_FLAGS,
  REPOSITORY_ROOT,
} from '../../../../apps/embedded/src/client/embedded-process';
import { waitForHealth } from '../../../../apps/embedded/src/client/wait-for-health';
import { openReadModelDatabase } from '../../../../apps/gateway/src/index';
import { stopOnAbort } from '../cleanup';
import { syntheticEnvelopes } from '../synthetic/synthetic-events';
import { writeGatewayLog } from '../synthetic/write-gateway-log';
import type { ScenarioResult } from '../verdict';
import { runRebuild } from './s4-rebuild';
import type { RunSettings, Scenario } from './scenario';

/** The generator's launches carry ≈105 events each (3 checklists of 20 items; 920k events made 8,742). */
const EVENTS_PER_LAUNCH = 105;
const GATE_CONCURRENCY = 8;

interface HeapProbe {
  readonly gc: boolean;
  readonly rss: number;
  readonly heapUsed: number;
}

class ProbedGateway {
  output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly token: string,
  ) {
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-65_536)),
    );
  }

  static async start(databaseUrl: string, dataDir: string): Promise<ProbedGateway> {
    const namespace = `bench-s5-${randomBytes(4).toString('hex')}`;
    await ensureTopics(
      kafkaBrokers(),
      allTopicSpecs().map((spec) => ({ ...spec, name: namespacedTopicName(namespace, spec.name) })),
    );
    const port = await freePort();
    const token = `tm_bench_${randomBytes(24).toString('base64url')}`;
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '-r',
        './dist/scripts/bench/load/heap-probe.js',
        ...PRODUCTION_NODE_FLAGS,
        builtEntry('gateway'),
      ],
      {
        cwd: REPOSITORY_ROOT,
        env: {
          ...process.env,
          KAFKA_BROKERS: kafkaBrokers().join(','),
          KAFKA_TOPIC_NAMESPACE: namespace,
          GATEWAY_INSTANCE_ID: namespace,
          DATABASE_URL: databaseUrl,
          TMINUS_DATA_DIR: dataDir,
          TMINUS_ADMIN_TOKEN: token,
          RATE_LIMIT_PER_MINUTE: '100000000',
          LOG_LEVEL: 'warn',
          PORT: String(port),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const gateway = new ProbedGateway(child, `http://127.0.0.1:${port}`, token);
    await waitForHealth(gateway.baseUrl, {
      timeoutMs: 60_000,
      abortIf: () =>
        child.exitCode === null ? undefined : `exited with ${child.exitCode}: ${gateway.output}`,
    });
    return gateway;
  }

  /** Asks each launch's gate once; returns how many answered each status. */
  async readGates(keys: readonly string[]): Promise<Record<number, number>> {
    let next = 0;
    const answered: Record<number, number> = {};
    const worker = async () => {
      while (next < keys.length) {
        const key = keys[next++];
        const response = await fetch(`${this.baseUrl}/v1/gates/${key}?environment=production`, {
          headers: { authorization: `Bearer ${this.token}` },
        });
        await response.arrayBuffer();
        answered[response.status] = (answered[response.status] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: GATE_CONCURRENCY }, worker));
    return answered;
  }

  async probe(): Promise<HeapProbe> {
    const before = this.output.length;
    this.child.kill('SIGUSR2');
    for (let waited = 0; waited < 10_000; waited += 50) {
      const line = this.output
        .slice(Math.max(0, before - 1))
        .split('\n')
        .find((candidate) => candidate.startsWith('{"heapProbe"'));
      if (line) return (JSON.parse(line) as { heapProbe: HeapProbe }).heapProbe;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the gateway printed no heap probe:\n${this.output}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await once(this.child, 'exit');
  }
}

async function measure(databaseUrl: string, keys: readonly string[]) {
  const dataDir = await mkdtemp(join(tmpdir(), 'tminus-bench-s5-'));
  const gateway = await ProbedGateway.start(databaseUrl, dataDir);
  const unregister = stopOnAbort(() => gateway.stop());
  try {
    // Before any read: what start-up and the projector keep; after: what the read caches add.
    const started = await gateway.probe();
    const answered = await gateway.readGates(keys);
    return { started, answered, heap: await gateway.probe() };
  } finally {
    unregister();
    await gateway.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function launchKeys(url: string): Promise<string[]> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ count: string }>(
      'SELECT count(DISTINCT launch_id) AS count FROM rm_events WHERE launch_id IS NOT NULL',
    );
    return Array.from({ length: Number(rows[0].count) }, (_, n) => `launch-${n}`);
  } finally {
    await pool.end();
  }
}

async function run(settings: RunSettings): Promise<ScenarioResult[]> {
  process.env.KAFKA_BROKERS ||= '127.0.0.1:19092';
  const launches = settings.quick ? 1_000 : 10_000;
  const empty = await createTestDatabase('bench_s5_empty');
  const filled = await createTestDatabase('bench_s5_filled');
  try {
    const db = await openReadModelDatabase({ type: 'postgres', url: filled.url });
    try {
      await writeGatewayLog(db, syntheticEnvelopes({ events: launches * EVENTS_PER_LAUNCH }));
    } finally {
      await db.close();
    }
    await runRebuild(filled.url);
    const keys = await launchKeys(filled.url);
    const before = await measure(empty.url, keys.slice(0, 1));
    const after = await measure(filled.url, keys);
    const perLaunch = (after.heap.heapUsed - before.heap.heapUsed) / keys.length;
    return [
      {
        id: 'S5',
        title: `gateway heap per launch, ${keys.length} launches projected`,
        goal: { maxMemory: { label: 'heap per launch', value: 2, unit: 'KB' } },
        measured: {
          label: 'heap',
          perSecond: 0,
          p50Ms: 0,
          p99Ms: 0,
          requests: 0,
          errors: 0,
          noLatency: true,
        },
        cpu: [],
        memory: Math.round((perLaunch / 1024) * 100) / 100,
        note:
          `heap used after GC: ${mb(before.heap.heapUsed)} MB empty, ${mb(after.started.heapUsed)} MB with ` +
          `${keys.length} launches before any read, ${mb(after.heap.heapUsed)} MB after ` +
          `each gate was read once (statuses ${JSON.stringify(after.answered)}); RSS ` +
          `${mb(before.heap.rss)} → ${mb(after.heap.rss)} MB.`,
      },
    ];
  } finally {
    await Promise.all([empty.drop(), filled.drop()]);
  }
}

const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(1);

export const s5HeapPerLaunch: Scenario = {
  id: 'S5',
  description: 'memory: the gateway’s heap per launch with 10k launches projected (1k with --quick)',
  run,
};
