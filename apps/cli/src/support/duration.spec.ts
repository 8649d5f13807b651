import { formatDuration, MAX_DURATION_MS, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['2m15s', 135_000],
    ['250ms', 250],
    ['1.5s', 1_500],
    ['90', 90_000],
    [' 10S ', 10_000],
    ['24h', MAX_DURATION_MS],
  ])('reads %p as %p ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'abc', '5x', 'm5', '-5s', '5 s', '1h-', '1d'])(
    'rejects %p with the accepted forms',
    (text) => {
      expect(() => parseDuration(text)).toThrow(/use e\.g\. 30s, 5m/);
    },
  );

  it('rejects zero and more than a day', () => {
    expect(() => parseDuration('0s')).toThrow(/longer than 0/);
    expect(() => parseDuration('0')).toThrow(/longer than 0/);
    expect(() => parseDuration('25h')).toThrow(/at most 24h/);
  });
});

describe('formatDuration', () => {
  it.each([
    [800, '800ms'],
    [12_000, '12s'],
    [90_000, '1m30s'],
    [300_000, '5m'],
    [3_660_000, '1h1m'],
  ])('%p ms reads %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
