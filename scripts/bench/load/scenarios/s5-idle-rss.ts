/**
 * S5 (second half): each process's resident memory at idle after start — the embedded process, and
 * the four processes of the distributed mode (Kafka + PostgreSQL) — read from /proc/<pid>/status a few
 * seconds after each answered, with nothing asked of it meanwhile. One row per process.
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { DistributedStack } from '../../../../test/e2e/support/distributed-stack';
import { stopOnAbort } from '../cleanup';
import type { ScenarioResult } from '../verdict';
import { startEmbedded } from './embedded-stack';
import type { Scenario } from './scenario';

const SETTLE_MS = 5_000;

/** VmRSS in MB (the kernel reports kB). */
export async function residentMegabytes(pid: number | undefined): Promise<number> {
  if (pid === undefined) throw new Error('the process has no pid (it did not start)');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for pid ${pid}`);
  return Math.round(kb / 1024);
}

const idleRow = (name: string, megabytes: number): ScenarioResult => ({
  id: 'S5',
  title: `idle RSS after start: ${name}`,
  goal: { maxMemory: { label: 'idle RSS', value: 120, unit: 'MB' } },
  measured: { label: 'idle', perSecond: 0, p50Ms: 0, p99Ms: 0, requests: 0, errors: 0, noLatency: true },
  cpu: [],
  memory: megabytes,
});

async function run(): Promise<ScenarioResult[]> {
  const rows: ScenarioResult[] = [];
  const embedded = await startEmbedded();
  try {
    await sleep(SETTLE_MS);
    rows.push(idleRow('embedded (one process)', await residentMegabytes(embedded.process.pid)));
  } finally {
    await embedded.close();
  }
  process.env.KAFKA_BROKERS ||= '127.0.0.1:19092';
  const stack = await DistributedStack.start({ LOG_LEVEL: 'warn' });
  const unregister = stopOnAbort(() => stack.stop());
  try {
    await sleep(SETTLE_MS);
    for (const [name, app] of Object.entries(stack.apps))
      rows.push(idleRow(`${name} (distributed)`, await residentMegabytes(app.pid)));
  } finally {
    unregister();
    await stack.stop();
  }
  return rows;
}

export const s5IdleRss: Scenario = {
  id: 'S5',
  description:
    'memory: each process’s RSS at idle after start (embedded; gateway, launches, teams, checklists)',
  run,
};
