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
