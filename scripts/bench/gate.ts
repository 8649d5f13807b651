/**
 * `npm run bench:gate`: release-gate checks per second and their latency (p50/p99), against a bare
 * endpoint of the same HTTP server in the same run, so the ratio shows what the gate itself costs
 * (token lookup, read-model snapshot, readiness, and for a PIPELINE token the audit command published
 * before the answer). Embedded mode: SQLite read model, in-process bus, fake services answering the
 * audit commands (their events keep the projector busy, as in production). Bounded: a fixed number of
 * requests at a fixed concurrency.
 */
import { Controller, Get, Module } from '@nestjs/common';
import { startGateStack, type GateStack } from '../../apps/gateway/test/support/gate-stack';
import { latencyTable, measureLatency, runConcurrently, type LatencyResult } from './latency';

const REQUESTS = Number(process.env.BENCH_GATE_REQUESTS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_GATE_CONCURRENCY ?? 8);
const WARMUP = 200;

/** The bare endpoint: same server, same middleware, no work. */
@Controller('bench')
class BareController {
  @Get('bare')
  bare(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

/** `CONCURRENCY` workers share `count` GETs; a status outside `expected` aborts the run. */
const load = (url: string, token: string | null, expected: number[]) => {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return async (): Promise<void> => {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!expected.includes(response.status)) throw new Error(`${url} answered HTTP ${response.status}`);
  };
};

async function measure(
  label: string,
  url: string,
  token: string | null,
  expected: number[],
): Promise<LatencyResult> {
  const get = load(url, token, expected);
  await runConcurrently(WARMUP, CONCURRENCY, get);
  return measureLatency(label, REQUESTS, CONCURRENCY, get);
}

export async function runGateBenchmark(): Promise<void> {
  let stack: GateStack | undefined;
  try {
    stack = await startGateStack({ maxLagMs: 10_000, extraModules: [BareModule] });
    const launch = await stack.seedLaunch(8);
    for (const itemId of launch.itemIds.slice(0, 5)) await stack.tick(itemId);
    const pipeline = await stack.createToken('PIPELINE', 'bench');
    const manager = await stack.createToken('LAUNCH_MANAGER', 'bench');
    const gateUrl = `${stack.url}/v1/gates/${launch.launchKey}?environment=production`;
    const bare = await measure('GET /bench/bare (no auth, no work)', `${stack.url}/bench/bare`, null, [200]);
    const managerGate = await measure('GET /v1/gates (LAUNCH_MANAGER, no audit)', gateUrl, manager, [412]);
    const pipelineGate = await measure('GET /v1/gates (PIPELINE, audited)', gateUrl, pipeline, [412]);
    console.log(
      `\nRelease gate, embedded mode (SQLite, in-process bus); ${REQUESTS} requests each at concurrency ${CONCURRENCY}, ` +
        `after ${WARMUP} warm-up requests; launch with 1 team, 8 required items (5 done).\n`,
    );
    console.log(latencyTable([bare, managerGate, pipelineGate], bare));
  } finally {
    await stack?.close();
  }
}
