import { KeyedLock } from './keyed-lock';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedLock', () => {
  it('runs sections of one key one at a time, in call order, and other keys alongside', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const section = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };

    const results = await Promise.all([
      lock.run('a', section('a1')),
      lock.run('a', section('a2')),
      lock.run('b', section('b1')),
    ]);

    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a1 end')).toBeLessThan(log.indexOf('a2 start'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('goes on after a failed section and forgets idle keys', async () => {
    const lock = new KeyedLock();
    await expect(lock.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.run('a', async () => 'next')).resolves.toBe('next');
    expect(lock.size).toBe(0);
  });
});

const WRITER = 'writer';

/** A promise the test resolves by hand, to hold a section open. */
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('KeyedLock with one key (a mutex: SQLite has one writer)', () => {
  it('never lets two sections interleave, and runs them in call order', async () => {
    const mutex = new KeyedLock();
    const log: string[] = [];
    const first = gate();
    const a = mutex.run(WRITER, async () => {
      log.push('a:start');
      await first.opened;
      log.push('a:end');
    });
    const b = mutex.run(WRITER, async () => {
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
    const mutex = new KeyedLock();
    await expect(mutex.run(WRITER, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');

    await expect(mutex.run(WRITER, async () => 42)).resolves.toBe(42);
  });
});
