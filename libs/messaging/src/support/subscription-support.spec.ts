import { RunningSubscriptions } from './running-subscriptions';
import { SubscriptionTimers } from './subscription-timers';

class FakeSubscription {
  readonly calls: string[] = [];
  constructor(private readonly failStart = false) {}
  async start(): Promise<void> {
    this.calls.push('start');
    if (this.failStart) throw new Error('join failed');
  }
  async stop(): Promise<void> {
    this.calls.push('stop');
  }
}

describe('RunningSubscriptions', () => {
  it('stops every started subscription once on stopAll, but not one already stopped by its handle', async () => {
    const running = new RunningSubscriptions<FakeSubscription>();
    const [a, b] = [new FakeSubscription(), new FakeSubscription()];
    const handleA = await running.start(a);
    await running.start(b);
    await handleA.stop();
    await running.stopAll();
    await running.stopAll();
    expect(a.calls).toEqual(['start', 'stop']);
    expect(b.calls).toEqual(['start', 'stop']);
  });

  it('stops a subscription whose start failed, rethrows, and does not keep it', async () => {
    const running = new RunningSubscriptions<FakeSubscription>();
    const failing = new FakeSubscription(true);
    await expect(running.start(failing)).rejects.toThrow('join failed');
    await running.stopAll();
    expect(failing.calls).toEqual(['start', 'stop']);
  });
});

describe('SubscriptionTimers', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs an action after its delay while running', () => {
    const ran: number[] = [];
    const timers = new SubscriptionTimers(() => false);
    timers.later(100, () => ran.push(1));
    jest.advanceTimersByTime(99);
    expect(ran).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(ran).toEqual([1]);
  });

  it('runs nothing once cleared, nor once the subscription says it stopped', () => {
    let stopped = false;
    const ran: string[] = [];
    const cleared = new SubscriptionTimers(() => false);
    cleared.later(10, () => ran.push('cleared'));
    cleared.clear();
    const flagged = new SubscriptionTimers(() => stopped);
    flagged.later(10, () => ran.push('flagged'));
    stopped = true;
    jest.advanceTimersByTime(50);
    expect(ran).toEqual([]);
  });
});
