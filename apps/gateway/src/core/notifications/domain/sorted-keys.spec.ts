import { keyChanges } from './sorted-keys';

/** The plain definition the merge walk must agree with. */
const expected = (before: readonly string[], after: readonly string[]) => ({
  added: after.filter((key) => !before.includes(key)),
  removed: before.filter((key) => !after.includes(key)),
});

describe('keyChanges', () => {
  it('finds added and removed keys of sorted lists, in order', () => {
    expect(keyChanges(['a', 'c', 'e'], ['b', 'c', 'f', 'g'])).toEqual({
      added: ['b', 'f', 'g'],
      removed: ['a', 'e'],
    });
    expect(keyChanges([], ['a'])).toEqual({ added: ['a'], removed: [] });
    expect(keyChanges(['a'], [])).toEqual({ added: [], removed: ['a'] });
    expect(keyChanges(['a', 'b'], ['a', 'b'])).toEqual({ added: [], removed: [] });
  });

  it('agrees with the plain definition on unsorted lists and lists with duplicates', () => {
    expect(keyChanges(['c', 'a', 'b'], ['b', 'd', 'a'])).toEqual(expected(['c', 'a', 'b'], ['b', 'd', 'a']));
    expect(keyChanges(['a', 'a', 'b'], ['b', 'c'])).toEqual(expected(['a', 'a', 'b'], ['b', 'c']));
  });

  it('agrees with the plain definition on many random sorted lists', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const sortedSample = () =>
      [
        ...new Set(Array.from({ length: Math.floor(random() * 30) }, () => `k${Math.floor(random() * 40)}`)),
      ].sort();
    for (let run = 0; run < 200; run++) {
      const before = sortedSample();
      const after = sortedSample();
      expect(keyChanges(before, after)).toEqual(expected(before, after));
    }
  });
});
