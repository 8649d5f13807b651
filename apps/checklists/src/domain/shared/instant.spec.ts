import { computeDueDate, parseInstant, sameInstant } from './instant';

describe('computeDueDate', () => {
  it('counts whole days back from the target date, keeping its time of day', () => {
    expect(computeDueDate('2026-03-01T09:00:00.000Z', 7)).toBe('2026-02-22T09:00:00.000Z');
    expect(computeDueDate('2026-03-01T09:00:00.000Z', 0)).toBe('2026-03-01T09:00:00.000Z');
    expect(computeDueDate('2027-01-15T00:00:00.000Z', 365)).toBe('2026-01-15T00:00:00.000Z');
  });

  it('crosses month ends and leap days', () => {
    expect(computeDueDate('2028-03-01T00:00:00.000Z', 1)).toBe('2028-02-29T00:00:00.000Z');
  });

  it('has no due date without an offset', () => {
    expect(computeDueDate('2026-03-01T09:00:00.000Z', null)).toBeNull();
    expect(computeDueDate('2026-03-01T09:00:00.000Z', undefined)).toBeNull();
  });

  it('rejects a target date that is not a date', () => {
    expect(() => computeDueDate('someday', 3)).toThrow(RangeError);
  });
});

describe('parseInstant', () => {
  it('reads ISO-8601 dates and date-times with offsets', () => {
    expect(parseInstant('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseInstant('2026-03-01T10:00:00+01:00')?.toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('refuses what is not an ISO-8601 date, including what Date would guess at', () => {
    expect(parseInstant('1')).toBeNull();
    expect(parseInstant('March 1, 2026')).toBeNull();
    expect(parseInstant('2026-13-45')).toBeNull();
    // Date would roll these over to March 2nd and 1st.
    expect(parseInstant('2026-02-30')).toBeNull();
    expect(parseInstant('2026-02-29T09:00:00Z')).toBeNull();
    expect(parseInstant(null)).toBeNull();
  });
});

describe('sameInstant', () => {
  it('compares instants, not spellings', () => {
    expect(sameInstant('2026-03-01T10:00:00+01:00', '2026-03-01T09:00:00.000Z')).toBe(true);
    expect(sameInstant('2026-03-01T09:00:00.000Z', '2026-03-01T09:00:01.000Z')).toBe(false);
    expect(sameInstant(null, null)).toBe(true);
    expect(sameInstant(null, '2026-03-01T09:00:00.000Z')).toBe(false);
  });
});
