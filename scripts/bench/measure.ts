export interface Measurement {
  readonly label: string;
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
}

export interface MeasureOptions {
  /** Stop after this long… */
  readonly durationMs: number;
  /** …or after this many operations, whichever comes first. */
  readonly maxOperations: number;
  /** Unmeasured operations first (connection set-up, prepared statements, JIT). */
  readonly warmup: number;
}

/** Runs `operation` one at a time (each awaits the previous: latency-bound, like a command handler). */
export async function measure(
  label: string,
  operation: (index: number) => Promise<void> | void,
  options: MeasureOptions,
): Promise<Measurement> {
  for (let i = 0; i < options.warmup; i++) await operation(i);
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(options.durationMs) * 1_000_000n;
  let operations = 0;
  while (operations < options.maxOperations && process.hrtime.bigint() < deadline) {
    await operation(options.warmup + operations);
    operations++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { label, operations, seconds, perSecond: operations / seconds };
}

/** A plain-text table: one row per measurement, with its ratio to the baseline row. */
export function formatTable(title: string, rows: readonly Measurement[], baseline: Measurement): string {
  const header = ['path', 'appends', 'seconds', 'appends/s', 'vs raw'];
  const body = rows.map((row) => [
    row.label,
    String(row.operations),
    row.seconds.toFixed(2),
    row.perSecond.toFixed(0),
    `${(row.perSecond / baseline.perSecond).toFixed(2)}x`,
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body].map((cells) => cells[column].length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
