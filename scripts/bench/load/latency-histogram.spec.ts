import { summarizeLatencies } from './latency-histogram';

describe('summarizeLatencies', () => {
  it('gives HDR percentiles in ms (3 significant digits), backlogs of seconds unclipped', () => {
    const latencies = [...Array.from({ length: 98 }, () => 2), 40, 12_345];
    const summary = summarizeLatencies(latencies);
    expect(summary.count).toBe(100);
    expect(summary.p50Ms).toBeCloseTo(2, 1);
    expect(summary.p99Ms).toBeCloseTo(40, 0);
    expect(summary.maxMs).toBeGreaterThan(12_330);
    expect(summary.maxMs).toBeLessThan(12_360);
  });

  it('is all zero without samples', () => {
    expect(summarizeLatencies([])).toEqual({ count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
  });
});
