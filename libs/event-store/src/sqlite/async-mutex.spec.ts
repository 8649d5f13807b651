import { AsyncMutex } from './async-mutex';

/** A promise the test resolves by hand, to hold a section open. */
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('AsyncMutex', () => {
  it('never lets two sections interleave, and runs them in call order', async () => {
    const mutex = new AsyncMutex();
    const log: string[] = [];
    const first = gate();
    const a = mutex.runExclusive(async () => {
      log.push('a:start');
      await first.opened;
      log.push('a:end');
    });
    const b = mutex.runExclusive(async () => {
      log.push('b:start');
      log.push('b:end');
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['a:start']);

    first.open();
    await Promise.all([a, b]);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
  });

  it('releases after a section throws and passes the error on', async () => {
    const mutex = new AsyncMutex();
    await expect(mutex.runExclusive(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');

    await expect(mutex.runExclusive(async () => 42)).resolves.toBe(42);
  });
});
