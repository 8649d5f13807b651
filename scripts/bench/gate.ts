/**
 * `npm run bench:gate`: release-gate checks per second and their latency (p50/p99), against a bare
 * endpoint of the same HTTP server in the same run, so the ratio shows what the gate itself costs
 * (token lookup, read-model snapshot, readiness, and for a PIPELINE token the audit command published
 * before the answer). Embedded mode: SQLite read model, in-process bus, fake services answering the
 * audit commands (their events keep the projector busy, as in production). Bounded: a fixed number of
 * requests at a fixed concurrency.
 */
import { Controller, Get, Module } from '@nestjs/common';
import { startGateStack, type GateStack } from '../../apps/gateway/src/gates/testing/gate-stack';

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

interface Result {
  readonly label: string;
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** `CONCURRENCY` workers share `count` requests; each request's latency is recorded. */
async function load(url: string, token: string | null, count: number, expected: number[]): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const worker = async (): Promise<void> => {
    while (next < count) {
      next++;
      const started = process.hrtime.bigint();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (!expected.includes(response.status)) throw new Error(`${url} answered HTTP ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return latencies;
}

async function measure(
  label: string,
  url: string,
  token: string | null,
  expected: number[],
): Promise<Result> {
  await load(url, token, WARMUP, expected);
  const started = process.hrtime.bigint();
  const latencies = await load(url, token, REQUESTS, expected);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    label,
    requests: REQUESTS,
    seconds,
    perSecond: REQUESTS / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
  };
}

function table(rows: readonly Result[], bare: Result): string {
  const header = [
    'endpoint',
    'requests',
    'seconds',
    'req/s',
    'p50 ms',
    'p99 ms',
    'req/s vs bare',
    'p50 vs bare',
  ];
  const body = rows.map((row) => [
    row.label,
    String(row.requests),
    row.seconds.toFixed(2),
    row.perSecond.toFixed(0),
    row.p50Ms.toFixed(2),
    row.p99Ms.toFixed(2),
    `${(row.perSecond / bare.perSecond).toFixed(2)}x`,
    `${(row.p50Ms / bare.p50Ms).toFixed(1)}x`,
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body].map((cells) => cells[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
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
    console.log(table([bare, managerGate, pipelineGate], bare));
  } finally {
    await stack?.close();
  }
}
