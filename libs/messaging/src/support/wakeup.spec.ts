import { Wakeup, backoffDelay } from './wakeup';

describe('Wakeup', () => {
  it('ends a wait without a timeout when woken', async () => {
    const wakeup = new Wakeup();
    const waiting = wakeup.wait();
    wakeup.wake();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('remembers a wake-up that came while nobody waited', async () => {
    const wakeup = new Wakeup();
    wakeup.wake();
    const started = Date.now();
    await wakeup.wait(10_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('ends a wait when its time is up, and a later wake-up is kept for the next wait', async () => {
    const wakeup = new Wakeup();
    await wakeup.wait(5);
    wakeup.wake();
    const started = Date.now();
    await wakeup.wait(10_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    const backoff = { initialMs: 100, maxMs: 500 };
    expect([1, 2, 3, 4, 10].map((n) => backoffDelay(backoff, n))).toEqual([100, 200, 400, 500, 500]);
  });
});
