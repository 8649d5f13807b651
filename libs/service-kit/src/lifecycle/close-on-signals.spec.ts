import { EventEmitter } from 'node:events';
import { closeOnSignals } from './close-on-signals';

class FakeProcess extends EventEmitter {
  readonly exits: number[] = [];
  exit(code: number): void {
    this.exits.push(code);
  }
}

const quiet = { info: () => undefined, error: () => undefined };

const deferred = () => {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('closeOnSignals', () => {
  it('closes once on SIGTERM and exits 0 when closing succeeded', async () => {
    const proc = new FakeProcess();
    const closing = deferred();
    const close = jest.fn(() => closing.promise);
    closeOnSignals({ close, logger: quiet, process: proc });

    proc.emit('SIGTERM');
    await settle();
    expect(close).toHaveBeenCalledTimes(1);
    expect(proc.exits).toEqual([]);

    closing.resolve();
    await settle();
    expect(proc.exits).toEqual([0]);
  });

  it('exits 1 when closing fails', async () => {
    const proc = new FakeProcess();
    closeOnSignals({ close: () => Promise.reject(new Error('disk gone')), logger: quiet, process: proc });

    proc.emit('SIGINT');
    await settle();
    expect(proc.exits).toEqual([1]);
  });

  it('exits 1 at once on a second signal, without closing twice', async () => {
    const proc = new FakeProcess();
    const close = jest.fn(() => new Promise<void>(() => undefined));
    closeOnSignals({ close, logger: quiet, process: proc });

    proc.emit('SIGINT');
    proc.emit('SIGINT');
    expect(close).toHaveBeenCalledTimes(1);
    expect(proc.exits).toEqual([1]);
  });

  it('exits 1 when closing takes longer than the timeout', async () => {
    jest.useFakeTimers();
    try {
      const proc = new FakeProcess();
      closeOnSignals({
        close: () => new Promise<void>(() => undefined),
        logger: quiet,
        process: proc,
        timeoutMs: 50,
      });

      proc.emit('SIGTERM');
      jest.advanceTimersByTime(49);
      expect(proc.exits).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(proc.exits).toEqual([1]);
    } finally {
      jest.useRealTimers();
    }
  });
});
