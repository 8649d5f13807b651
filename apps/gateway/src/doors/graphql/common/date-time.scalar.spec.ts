import { Kind } from 'graphql';
import { DateTimeScalar, parseDateTime } from './date-time.scalar';

describe('DateTime', () => {
  it.each([
    ['2026-12-01T09:00:00Z', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T10:30:00+01:30', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T09:00:00.123456Z', '2026-12-01T09:00:00.123Z'],
    ['2026-12-01', '2026-12-01T00:00:00.000Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseDateTime(input)).toBe(expected);
  });

  it.each([
    '2026-12-01T09:00:00',
    'next tuesday',
    '2026-13-45',
    '',
    12,
    // Date.parse rolls these over to the next month instead of refusing them.
    '2026-02-30',
    '2026-02-29T09:00:00Z',
    '2026-12-01T24:00:00Z',
  ])('refuses %p with BAD_USER_INPUT', (input) => {
    expect(() => parseDateTime(input)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
    );
  });

  it('says why a date is refused', () => {
    expect(() => parseDateTime('2026-02-30')).toThrow('February 2026 has no day 30');
  });

  it('accepts a real leap day', () => {
    expect(parseDateTime('2028-02-29')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('answers in UTC ISO-8601 and reads literals', () => {
    expect(DateTimeScalar.serialize('2026-12-01T10:00:00+01:00')).toBe('2026-12-01T09:00:00.000Z');
    expect(DateTimeScalar.serialize(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2026-12-01' })).toBe(
      '2026-12-01T00:00:00.000Z',
    );
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow(/RFC 3339/);
  });
});
