/**
 * Latency percentiles of an open-loop run from an HDR histogram (hdr-histogram-js, autocannon's own):
 * microsecond resolution, 3 significant digits, up to an hour — a backlog of seconds is recorded as
 * it is, never clipped.
 */
import { build } from 'hdr-histogram-js';

export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

export function summarizeLatencies(latenciesMs: readonly number[]): LatencySummary {
  const histogram = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
  });
  try {
    for (const ms of latenciesMs) histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
    if (histogram.totalCount === 0) return { count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 };
    return {
      count: histogram.totalCount,
      p50Ms: round(histogram.getValueAtPercentile(50) / 1000),
      p99Ms: round(histogram.getValueAtPercentile(99) / 1000),
      maxMs: round(histogram.maxValue / 1000),
    };
  } finally {
    histogram.destroy();
  }
}
