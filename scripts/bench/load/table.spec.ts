import { resultNotes, resultsTable } from './table';
import type { ScenarioResult } from './verdict';

const row: ScenarioResult = {
  id: 'S3',
  title: 'gate | hello',
  goal: { minRatioToPeer: 0.3, maxP99Ms: 5 },
  measured: { label: 'gate', perSecond: 3000.4, p50Ms: 2, p99Ms: 4.5, requests: 30000, errors: 0 },
  peer: { label: 'Fastify hello', perSecond: 10000, p50Ms: 1, p99Ms: 2, requests: 100000, errors: 0 },
  cpu: [
    { process: 'embedded', percentOfCore: 97.6 },
    { process: 'generator', percentOfCore: 40.2 },
  ],
  note: 'a note',
};

describe('load bench table', () => {
  it('prints one Markdown row per scenario with the ratio, the CPU and the verdict', () => {
    const lines = resultsTable([row]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '| scenario | goal | measured | peer (same run) | ratio | CPU (% of a core) | per server CPU-second | verdict |',
    );
    expect(lines[2]).toBe(
      '| S3 gate \\| hello | ≥0.3× peer, p99 ≤5 ms | 3000/s, p50 2 ms, p99 4.5 ms | ' +
        'Fastify hello: 10000/s, p50 1 ms, p99 2 ms | 0.30× | embedded 98, generator 40 | 3074 | PASS |',
    );
  });

  it('shows the misses and the errors of a failed row', () => {
    const failed = { ...row, measured: { ...row.measured, errors: 3 } };
    expect(resultsTable([failed])).toContain('3000/s, p50 2 ms, p99 4.5 ms, 3 errors');
    expect(resultsTable([failed])).toContain('| FAIL (3 errors) |');
  });

  it('prints a batch job as a rate without latencies, with its memory figure', () => {
    const rebuild: ScenarioResult = {
      ...row,
      goal: { minPerSecond: 50_000, maxMemory: { label: 'RSS growth', value: 200, unit: 'MB' } },
      measured: {
        label: 'rebuild',
        perSecond: 61_000,
        p50Ms: 0,
        p99Ms: 0,
        requests: 1e6,
        errors: 0,
        noLatency: true,
      },
      peer: undefined,
      memory: 48,
    };
    expect(resultsTable([rebuild])).toContain(
      '| ≥50000/s, RSS growth ≤200 MB | 61000/s, RSS growth 48 MB | — |',
    );
  });

  it('lists the notes of the rows that have one', () => {
    expect(resultNotes([row, { ...row, id: 'S1e', note: undefined }])).toBe('- S3: a note');
  });
});
