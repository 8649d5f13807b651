/** Latency-distribution helpers shared by the HTTP-level benchmarks (gate, gateway). */
export interface LatencyResult {
  readonly label: string;
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** `concurrency` workers share `count` operations; returns each operation's latency in ms. */
export async function runConcurrently(
  count: number,
  concurrency: number,
  operation: (index: number) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      const started = process.hrtime.bigint();
      await operation(index);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}

/** Runs `count` operations with `concurrency` workers and summarises throughput and latency. */
export async function measureLatency(
  label: string,
  count: number,
  concurrency: number,
  operation: (index: number) => Promise<void>,
): Promise<LatencyResult> {
  const started = process.hrtime.bigint();
  const latencies = await runConcurrently(count, concurrency, operation);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return summarise(label, latencies, seconds);
}

export function summarise(label: string, latencies: readonly number[], seconds: number): LatencyResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    label,
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
  };
}

/** A plain-text table of results, each compared with `baseline`. */
export function latencyTable(
  rows: readonly LatencyResult[],
  baseline: LatencyResult,
  first = 'endpoint',
): string {
  const header = [first, 'requests', 'seconds', 'req/s', 'p50 ms', 'p99 ms', 'req/s vs base', 'p50 vs base'];
  const body = rows.map((row) => [
    row.label,
    String(row.requests),
    row.seconds.toFixed(2),
    row.perSecond.toFixed(0),
    row.p50Ms.toFixed(2),
    row.p99Ms.toFixed(2),
    `${(row.perSecond / baseline.perSecond).toFixed(2)}x`,
    `${(row.p50Ms / baseline.p50Ms).toFixed(1)}x`,
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
