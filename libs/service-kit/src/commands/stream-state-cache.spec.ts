import { StreamStateCache } from './stream-state-cache';

describe('StreamStateCache', () => {
  it('gives back what was remembered for a stream', () => {
    const cache = new StreamStateCache<string>(10);
    cache.remember('s-1', { state: 'a', version: 3 });
    expect(cache.get('s-1')).toEqual({ state: 'a', version: 3 });
    expect(cache.get('s-2')).toBeUndefined();
  });

  it('never moves a stream back to an older version', () => {
    const cache = new StreamStateCache<string>(10);
    cache.remember('s-1', { state: 'new', version: 5 });
    cache.remember('s-1', { state: 'old', version: 4 });
    expect(cache.get('s-1')).toEqual({ state: 'new', version: 5 });
  });

  it('evicts the least recently used stream beyond its bound', () => {
    const cache = new StreamStateCache<number>(2);
    cache.remember('a', { state: 1, version: 1 });
    cache.remember('b', { state: 2, version: 1 });
    cache.get('a'); // a is now more recent than b
    cache.remember('c', { state: 3, version: 1 });
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.state).toBe(1);
  });

  it('forgets a stream on demand (after a conflict) and caches nothing when turned off', () => {
    const cache = new StreamStateCache<number>(2);
    cache.remember('a', { state: 1, version: 1 });
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
    const off = new StreamStateCache<number>(0);
    off.remember('a', { state: 1, version: 1 });
    expect(off.get('a')).toBeUndefined();
  });
});
