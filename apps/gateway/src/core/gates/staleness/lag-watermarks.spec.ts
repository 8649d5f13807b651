import { LagWatermarks, type PartitionLag } from './lag-watermarks';

const at = (topic: string, partition: number, next: number, end: number): PartitionLag => ({
  topic,
  partition,
  next,
  end,
});

describe('LagWatermarks', () => {
  it('reports no lag while the group keeps up', () => {
    const lag = new LagWatermarks();
    lag.observe(1_000, [at('a', 0, 5, 5), at('b', 0, 0, 0)]);
    expect(lag.lagMs(9_000)).toBe(0);
    expect(lag.backlog()).toEqual({ events: 0, topics: [] });
  });

  it('measures from the first sample that saw the group behind', () => {
    const lag = new LagWatermarks();
    lag.observe(1_000, [at('a', 0, 5, 7)]);
    lag.observe(2_000, [at('a', 0, 5, 7)]);
    expect(lag.lagMs(2_500)).toBe(1_500);
    expect(lag.backlog()).toEqual({ events: 2, topics: ['a'] });
  });

  it('clears a mark once the group read past its ends, keeping younger marks', () => {
    const lag = new LagWatermarks();
    lag.observe(1_000, [at('a', 0, 5, 7)]);
    lag.observe(2_000, [at('a', 0, 6, 9)]);
    expect(lag.lagMs(3_000)).toBe(2_000);
    lag.observe(3_000, [at('a', 0, 7, 9)]);
    // The events of the first mark are applied; those published by the second sample are not.
    expect(lag.lagMs(3_000)).toBe(1_000);
    lag.observe(4_000, [at('a', 0, 9, 9)]);
    expect(lag.lagMs(4_000)).toBe(0);
  });

  it('a mark waits for every partition it saw behind', () => {
    const lag = new LagWatermarks();
    lag.observe(1_000, [at('a', 0, 0, 1), at('a', 1, 0, 1), at('b', 0, 3, 3)]);
    lag.observe(2_000, [at('a', 0, 1, 1), at('a', 1, 0, 1), at('b', 0, 3, 3)]);
    expect(lag.lagMs(2_000)).toBe(1_000);
    lag.observe(3_000, [at('a', 0, 1, 1), at('a', 1, 1, 1), at('b', 0, 3, 3)]);
    expect(lag.lagMs(3_000)).toBe(0);
  });

  it('a sample that misses a partition does not clear its mark', () => {
    const lag = new LagWatermarks();
    lag.observe(1_000, [at('a', 0, 0, 2)]);
    lag.observe(2_000, [at('b', 0, 0, 0)]);
    expect(lag.lagMs(2_000)).toBe(1_000);
  });
});
