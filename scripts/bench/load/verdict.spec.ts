import { describeGoal, ratioToPeer, verdictOf, type ScenarioResult, type Throughput } from './verdict';

const throughput = (perSecond: number, p99Ms = 1, errors = 0): Throughput => ({
  label: 'x',
  perSecond,
  p50Ms: p99Ms / 2,
  p99Ms,
  requests: perSecond * 10,
  errors,
});

const result = (over: Partial<ScenarioResult>): ScenarioResult => ({
  id: 'S',
  title: 't',
  goal: {},
  measured: throughput(100),
  cpu: [],
  ...over,
});

describe('load bench verdict', () => {
  it('passes when every goal that is set holds', () => {
    const r = result({ goal: { minPerSecond: 100, maxP99Ms: 5 }, measured: throughput(100, 5) });
    expect(verdictOf(r)).toEqual({ verdict: 'PASS', misses: [] });
  });

  it('names each miss: throughput, p99, ratio', () => {
    const r = result({
      goal: { minPerSecond: 2000, maxP99Ms: 25, minRatioToPeer: 0.3 },
      measured: throughput(84, 666),
      peer: throughput(1000),
    });
    expect(verdictOf(r)).toEqual({
      verdict: 'FAIL',
      misses: ['84/s < 2000/s', 'p99 666 ms > 25 ms', '0.08× < 0.3×'],
    });
  });

  it('fails on any error even when the figures are good', () => {
    expect(verdictOf(result({ measured: throughput(1e6, 0.1, 1) })).verdict).toBe('FAIL');
  });

  it('fails a ratio goal without a peer instead of passing it silently', () => {
    expect(verdictOf(result({ goal: { minRatioToPeer: 0.3 } })).misses).toEqual(['no peer measured']);
  });

  it('judges a p99 ratio goal (S7 growth) against the peer p99 of the same run', () => {
    const goal = { maxP99RatioToPeer: 1.2 };
    const peer = throughput(70, 50);
    expect(verdictOf(result({ goal, peer, measured: throughput(70, 60) })).verdict).toBe('PASS');
    expect(verdictOf(result({ goal, peer, measured: throughput(70, 61) })).misses).toEqual([
      'p99 1.22× peer > 1.2×',
    ]);
    expect(verdictOf(result({ goal })).misses).toEqual(['no peer measured']);
    expect(describeGoal(goal)).toBe("p99 ≤1.2× peer's");
  });

  it('judges a memory goal (S4 RSS growth) against the memory figure of the result', () => {
    const goal = {
      minPerSecond: 50_000,
      maxMemory: { label: 'RSS growth', value: 200, unit: 'MB' as const },
    };
    expect(verdictOf(result({ goal, measured: throughput(60_000), memory: 200 })).verdict).toBe('PASS');
    expect(verdictOf(result({ goal, measured: throughput(60_000), memory: 201 })).misses).toEqual([
      'RSS growth 201 MB > 200 MB',
    ]);
    expect(verdictOf(result({ goal, measured: throughput(60_000) })).misses).toEqual([
      'no RSS growth measured',
    ]);
    expect(describeGoal(goal)).toBe('≥50000/s, RSS growth ≤200 MB');
  });

  it('computes the ratio to the peer of the same run', () => {
    expect(ratioToPeer({ measured: throughput(300), peer: throughput(1000) })).toBeCloseTo(0.3);
    expect(ratioToPeer({ measured: throughput(300) })).toBeUndefined();
    expect(ratioToPeer({ measured: throughput(300), peer: throughput(0) })).toBeUndefined();
  });

  it('describes a goal as the issue states it', () => {
    expect(describeGoal({ minPerSecond: 2000, maxP99Ms: 25 })).toBe('≥2000/s, p99 ≤25 ms');
    expect(describeGoal({ minRatioToPeer: 0.25 })).toBe('≥0.25× peer');
    expect(describeGoal({})).toBe('—');
  });
});
