/**
 * S7 (first half): does a tick cost more on a long stream? `tickItem` p99 on a checklist whose stream
 * already holds 2,000 events against one holding about 20, in one embedded process, the same light
 * load on each (2 connections: latency, not throughput). The goal is a ratio of the two p99s, so the
 * "peer" here is the short checklist. Both streams grow by what the measurement itself ticks.
 *
 * S7b (second half): does a tick cost more in a big store? The same light load on a fresh small
 * checklist in an embedded process started on an empty data directory (the peer) and in one started
 * on a data directory holding 1M synthetic events (100k with --quick; synthetic/write-data-dir.ts,
 * cached between runs). Both processes run side by side, warmed up alike, measured one after the other.
 */
import { rm } from 'node:fs/promises';
import {
  createChecklistFixture,
  TICK,
  UNTICK,
  type ChecklistFixture,
} from '../../../../apps/embedded/src/testing/launch-fixture';
import type { GraphqlClient } from '../../../../apps/embedded/src/client/graphql-client';
import { cpuSecondsOf } from '../cpu';
import { measureLoad } from '../measure-load';
import { copyOfSyntheticDataDir } from '../synthetic/cached-data-dir';
import type { DataDirReport } from '../synthetic/write-data-dir';
import type { CpuShare, ScenarioResult, Throughput } from '../verdict';
import { startEmbedded, type EmbeddedStack } from './embedded-stack';
import { tickBodies } from './s1e-embedded-tick';
import type { RunSettings, Scenario } from './scenario';

const CONNECTIONS = 2;
const ITEMS = 20;

/** Ticks and unticks the fixture's items until its stream holds about `events` events. */
async function grow(client: GraphqlClient, fixture: ChecklistFixture, events: number): Promise<void> {
  for (let n = ITEMS; n < events; n += 2 * ITEMS) {
    for (const query of [TICK, UNTICK])
      await Promise.all(fixture.items.map((item) => client.request(query, { input: { itemId: item.id } })));
  }
}

async function run(settings: RunSettings): Promise<ScenarioResult[]> {
  // --quick: a shorter long stream (building 2,000 events takes a while on a shared machine).
  const longEvents = settings.quick ? 400 : 2_000;
  const stack = await startEmbedded();
  try {
    const titles = Array.from({ length: ITEMS }, (_, i) => `Item ${i + 1}`);
    const short = await createChecklistFixture(stack.admin, titles);
    const long = await createChecklistFixture(stack.admin, titles);
    await grow(stack.admin, long, longEvents);
    const spec = (fixture: ChecklistFixture) => ({
      method: 'POST' as const,
      url: stack.process.graphqlUrl,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminToken}` },
      bodies: tickBodies([fixture], ITEMS),
      connections: CONNECTIONS,
      durationSeconds: settings.durationSeconds,
      graphql: true,
    });
    const servers = { embedded: stack.process.pid };
    // No warm-up on the short one beyond a second: it must stay short.
    const shortRun = await measureLoad('tickItem, ~20-event checklist', spec(short), 0, servers);
    const longRun = await measureLoad(`tickItem, ${longEvents}-event checklist`, spec(long), 0, servers);
    return [
      {
        id: 'S7',
        title: `growth: tickItem p99 on a ${longEvents}-event checklist vs a ~20-event one, ${CONNECTIONS} connections`,
        goal: { maxP99RatioToPeer: 1.2 },
        measured: longRun.throughput,
        peer: shortRun.throughput,
        cpu: longRun.cpu,
        note: `${ITEMS} items per checklist; each stream also grows by what its own measurement ticks.`,
      },
    ];
  } finally {
    await stack.close();
  }
}

export const s7Growth: Scenario = {
  id: 'S7',
  description: 'growth: tickItem p99 on a 2,000-event checklist vs a ~20-event one (embedded)',
  run,
};

/** Starting on 1M events checks every store file first and scans the stores (the schedulers). */
const BIG_STORE_READY_TIMEOUT_MS = 600_000;

/**
 * Waits until the process has been (nearly) idle for a few seconds: after a start on a big store, the
 * schedulers and the notifications' due scheduler still scan it for a while after /health answers,
 * and that one-off work is not what S7b compares. Returns the seconds waited.
 */
async function settled(pid: number | undefined, maxSeconds = 600): Promise<number> {
  const started = performance.now();
  let quietSeconds = 0;
  for (let last = cpuSecondsOf(pid ?? 0); quietSeconds < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = cpuSecondsOf(pid ?? 0);
    if (now === undefined || last === undefined) break;
    quietSeconds = now - last < 0.05 ? quietSeconds + 1 : 0;
    last = now;
    if ((performance.now() - started) / 1000 > maxSeconds) break;
  }
  return (performance.now() - started) / 1000;
}

const tickSpec = (stack: EmbeddedStack, fixture: ChecklistFixture, durationSeconds: number) => ({
  method: 'POST' as const,
  url: stack.process.graphqlUrl,
  headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminToken}` },
  bodies: tickBodies([fixture], ITEMS),
  connections: CONNECTIONS,
  durationSeconds,
  graphql: true,
});

const secondsOf = ({ seconds }: DataDirReport): string =>
  `stores ${seconds.stores.toFixed(0)} s, gateway log ${seconds.log.toFixed(0)} s, rebuild ${seconds.rebuild.toFixed(0)} s`;

/** The peer's CPU, which the table does not print: the per-CPU-second comparison needs it. */
function cpuOf(label: string, run: { throughput: Throughput; cpu: CpuShare[] }): string {
  const percent = run.cpu.find((share) => share.process === 'embedded')?.percentOfCore ?? 0;
  const perCpuSecond = percent > 0 ? Math.round(run.throughput.perSecond / (percent / 100)) : 0;
  return `${label}: embedded ${percent.toFixed(0)}% of a core, ${perCpuSecond} ticks per CPU-second.`;
}

async function runInBigStore(settings: RunSettings): Promise<ScenarioResult[]> {
  const storeEvents = settings.quick ? 100_000 : 1_000_000;
  const prepared = performance.now();
  const synthetic = await copyOfSyntheticDataDir(storeEvents);
  const preparedSeconds = (performance.now() - prepared) / 1000;
  const started = performance.now();
  const big = await startEmbedded({
    dataDir: synthetic.dir,
    readyTimeoutMs: BIG_STORE_READY_TIMEOUT_MS,
  }).catch(async (error: unknown) => {
    // The stack deletes its directory on close; a start that failed leaves the copy to us.
    await rm(synthetic.dir, { recursive: true, force: true });
    throw error;
  });
  const startSeconds = (performance.now() - started) / 1000;
  let empty: EmbeddedStack | undefined;
  try {
    empty = await startEmbedded();
    const titles = Array.from({ length: ITEMS }, (_, i) => `Item ${i + 1}`);
    const fixtures = [
      await createChecklistFixture(empty.admin, titles),
      await createChecklistFixture(big.admin, titles),
    ];
    const settledSeconds = await settled(big.process.pid);
    const stacks = [empty, big];
    const warmup = Math.max(settings.warmupSeconds, 3);
    for (const [i, stack] of stacks.entries())
      await measureLoad('warm-up', tickSpec(stack, fixtures[i], warmup), 0, {});
    const emptyRun = await measureLoad(
      'tickItem, empty store',
      tickSpec(empty, fixtures[0], settings.durationSeconds),
      0,
      { embedded: empty.process.pid },
    );
    const bigRun = await measureLoad(
      `tickItem, ${storeEvents.toLocaleString('en')} events in the store`,
      tickSpec(big, fixtures[1], settings.durationSeconds),
      0,
      { embedded: big.process.pid },
    );
    const how = synthetic.generated
      ? `generated in ${preparedSeconds.toFixed(0)} s (${secondsOf(synthetic.report)})`
      : `copied from the cache in ${preparedSeconds.toFixed(0)} s`;
    return [
      {
        id: 'S7b',
        title: `growth: tickItem p99 with ${storeEvents.toLocaleString('en')} events in the store vs an empty store, ${CONNECTIONS} connections`,
        goal: { maxP99RatioToPeer: 1.5 },
        measured: bigRun.throughput,
        peer: emptyRun.throughput,
        cpu: bigRun.cpu,
        note: `A fresh ${ITEMS}-item checklist in each; the big data directory ${how}, ready in ${startSeconds.toFixed(0)} s, idle ${settledSeconds.toFixed(0)} s later. ${cpuOf('Empty store', emptyRun)}`,
      },
    ];
  } finally {
    await Promise.allSettled([big.close(), empty?.close()]);
  }
}

export const s7bGrowthInStore: Scenario = {
  id: 'S7b',
  description: 'growth: tickItem p99 with 1M events in the store vs an empty store (embedded)',
  run: runInBigStore,
};
