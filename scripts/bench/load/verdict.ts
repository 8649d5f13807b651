/**
 * What a scenario must reach and what it reached, and the verdict. Pure: the table, the verdict and
 * their specs need no server.
 */
export interface Goal {
  /** Throughput floor (operations per second). */
  readonly minPerSecond?: number;
  /** Latency ceiling at the 99th percentile (ms). */
  readonly maxP99Ms?: number;
  /** Latency ceiling at the median (ms). */
  readonly maxP50Ms?: number;
  /** Throughput floor relative to the peer measured in the same run (e.g. 0.3 = 0.3×). */
  readonly minRatioToPeer?: number;
  /** Latency ceiling relative to the peer's p99 (S7: a long stream's p99 ≤ 1.2× a short one's). */
  readonly maxP99RatioToPeer?: number;
  /** Memory ceiling (S4 RSS growth, S5 heap per launch): the result's `memory` must stay at or below it. */
  readonly maxMemory?: { readonly label: string; readonly value: number; readonly unit: 'KB' | 'MB' };
}

export interface Throughput {
  readonly label: string;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Non-2xx answers, GraphQL errors, timeouts and socket errors: any of them fails the scenario. */
  readonly errors: number;
  /** Set when the figure is a rate without latencies (a batch job such as S4's rebuild). */
  readonly noLatency?: true;
}

export interface CpuShare {
  readonly process: string;
  /** CPU time ÷ wall time over the measured window, in percent of one core. */
  readonly percentOfCore: number;
}

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly goal: Goal;
  readonly measured: Throughput;
  readonly peer?: Throughput;
  readonly cpu: readonly CpuShare[];
  /** Anything a reader needs to judge the figure (sizes, settings). */
  readonly note?: string;
  /** What `goal.maxMemory` is checked against, in its unit. */
  readonly memory?: number;
}

export type Verdict = 'PASS' | 'FAIL';

/** The ratio of the measured throughput to its peer's, or undefined without a peer. */
export function ratioToPeer(result: Pick<ScenarioResult, 'measured' | 'peer'>): number | undefined {
  if (!result.peer || result.peer.perSecond <= 0) return undefined;
  return result.measured.perSecond / result.peer.perSecond;
}

/** Every goal that is set must hold, and no request may have failed. */
export function verdictOf(result: ScenarioResult): { verdict: Verdict; misses: string[] } {
  const { goal, measured } = result;
  const misses: string[] = [];
  if (measured.errors > 0) misses.push(`${measured.errors} errors`);
  if (goal.minPerSecond !== undefined && measured.perSecond < goal.minPerSecond)
    misses.push(`${Math.round(measured.perSecond)}/s < ${goal.minPerSecond}/s`);
  if (goal.maxP99Ms !== undefined && measured.p99Ms > goal.maxP99Ms)
    misses.push(`p99 ${measured.p99Ms} ms > ${goal.maxP99Ms} ms`);
  if (goal.maxP50Ms !== undefined && measured.p50Ms > goal.maxP50Ms)
    misses.push(`p50 ${measured.p50Ms} ms > ${goal.maxP50Ms} ms`);
  if (goal.minRatioToPeer !== undefined) {
    const ratio = ratioToPeer(result);
    if (ratio === undefined) misses.push('no peer measured');
    else if (ratio < goal.minRatioToPeer) misses.push(`${ratio.toFixed(2)}× < ${goal.minRatioToPeer}×`);
  }
  if (goal.maxP99RatioToPeer !== undefined) {
    const peerP99 = result.peer?.p99Ms;
    if (peerP99 === undefined || peerP99 <= 0) misses.push('no peer measured');
    else if (measured.p99Ms / peerP99 > goal.maxP99RatioToPeer)
      misses.push(`p99 ${(measured.p99Ms / peerP99).toFixed(2)}× peer > ${goal.maxP99RatioToPeer}×`);
  }
  if (goal.maxMemory !== undefined) {
    const { label, value, unit } = goal.maxMemory;
    if (result.memory === undefined) misses.push(`no ${label} measured`);
    else if (result.memory > value) misses.push(`${label} ${result.memory} ${unit} > ${value} ${unit}`);
  }
  return { verdict: misses.length === 0 ? 'PASS' : 'FAIL', misses };
}

/** The goal as the issue states it, e.g. "≥2000/s, p99 ≤25 ms". */
export function describeGoal(goal: Goal): string {
  const parts: string[] = [];
  if (goal.minPerSecond !== undefined) parts.push(`≥${goal.minPerSecond}/s`);
  if (goal.minRatioToPeer !== undefined) parts.push(`≥${goal.minRatioToPeer}× peer`);
  if (goal.maxP50Ms !== undefined) parts.push(`p50 ≤${goal.maxP50Ms} ms`);
  if (goal.maxP99Ms !== undefined) parts.push(`p99 ≤${goal.maxP99Ms} ms`);
  if (goal.maxP99RatioToPeer !== undefined) parts.push(`p99 ≤${goal.maxP99RatioToPeer}× peer's`);
  if (goal.maxMemory !== undefined)
    parts.push(`${goal.maxMemory.label} ≤${goal.maxMemory.value} ${goal.maxMemory.unit}`);
  return parts.join(', ') || '—';
}
