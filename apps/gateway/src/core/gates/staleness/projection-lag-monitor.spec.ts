import type { PartitionPosition } from '@tminus/messaging';
import pino from 'pino';
import { ProjectionLagMonitor } from './projection-lag-monitor';

function setUp(options: { running?: boolean; maxLagMs?: number } = {}) {
  let now = 10_000;
  let running = options.running ?? true;
  let positions: Record<string, PartitionPosition[]> = { events: [{ partition: 0, next: '3', end: '3' }] };
  let failure: Error | null = null;
  const monitor = new ProjectionLagMonitor({
    bus: {
      positions: async (_group, topic) => {
        if (failure) throw failure;
        return positions[topic] ?? [];
      },
    },
    groupId: 'gateway-test',
    topics: ['events'],
    isProjectorRunning: () => running,
    maxLagMs: options.maxLagMs ?? 5_000,
    sampleIntervalMs: 1_000,
    logger: pino({ level: 'silent' }),
    clock: () => now,
  });
  return {
    monitor,
    advance: (ms: number) => void (now += ms),
    setPositions: (next: string, end: string) => void (positions = { events: [{ partition: 0, next, end }] }),
    setRunning: (value: boolean) => void (running = value),
    fail: (error: Error | null) => void (failure = error),
  };
}

describe('ProjectionLagMonitor', () => {
  it('is stale before the first sample, fresh once caught up', async () => {
    const { monitor } = setUp();
    expect(monitor.staleness()).toEqual({ stale: true, detail: 'consumer positions not read yet' });
    await monitor.sample();
    expect(monitor.staleness()).toEqual({ stale: false });
  });

  it('is stale while the projector is not running', async () => {
    const { monitor, setRunning } = setUp();
    await monitor.sample();
    setRunning(false);
    expect(monitor.staleness()).toEqual({ stale: true, detail: 'the projector is not running' });
  });

  it('tolerates a backlog younger than the maximum lag, not an older one', async () => {
    const { monitor, advance, setPositions } = setUp({ maxLagMs: 5_000 });
    setPositions('3', '10');
    await monitor.sample();
    advance(4_000);
    await monitor.sample();
    expect(monitor.staleness().stale).toBe(false);
    advance(2_000);
    await monitor.sample();
    expect(monitor.staleness()).toEqual({
      stale: true,
      detail: '7 event(s) on events waiting for 6 s, more than the 5000 ms allowed',
    });
    setPositions('10', '10');
    await monitor.sample();
    expect(monitor.staleness()).toEqual({ stale: false });
  });

  it('fails closed when positions cannot be read for longer than the maximum lag', async () => {
    const { monitor, advance, fail } = setUp({ maxLagMs: 5_000 });
    await monitor.sample();
    fail(new Error('broker down'));
    advance(3_000);
    await monitor.sample();
    expect(monitor.staleness().stale).toBe(false);
    advance(3_000);
    await monitor.sample();
    expect(monitor.staleness()).toEqual({
      stale: true,
      detail: 'consumer positions unknown for 6 s: broker down',
    });
  });
});
