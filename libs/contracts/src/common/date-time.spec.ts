import { parseRfc3339 } from './date-time';

const iso = (value: string) => {
  const parsed = parseRfc3339(value);
  return parsed.ok ? parsed.iso : `refused: ${parsed.reason}`;
};

describe('parseRfc3339', () => {
  it.each([
    ['2026-12-01T09:00:00Z', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T10:30:00+01:30', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T04:00:00-05:00', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T09:00:00-00:00', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01', '2026-12-01T00:00:00.000Z'],
    // Lower-case separators are allowed by RFC 3339 §5.6.
    ['2026-12-01t09:00:00z', '2026-12-01T09:00:00.000Z'],
    // Fractional seconds: any precision up to nanoseconds, kept to milliseconds (truncated).
    ['2026-12-01T09:00:00.5Z', '2026-12-01T09:00:00.500Z'],
    ['2026-12-01T09:00:00.123456789Z', '2026-12-01T09:00:00.123Z'],
    // Real leap days, and a crossing into the next day by the offset.
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
    ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00.000Z'],
    ['2026-12-31T23:30:00-01:00', '2027-01-01T00:30:00.000Z'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00.000Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    // Date.parse rolls these over to March: they are not on the calendar.
    ['2026-02-30', 'February 2026 has no day 30, only 28 days'],
    ['2026-02-29T09:00:00Z', 'February 2026 has no day 29, only 28 days'],
    ['1900-02-29', 'February 1900 has no day 29'],
    ['2026-04-31', 'April 2026 has no day 31'],
    ['2026-13-01', 'month 13 does not exist'],
    ['2026-00-10', 'month 0 does not exist'],
    ['2026-01-00', 'January 2026 has no day 0'],
    ['2026-12-01T24:00:00Z', '24:00 is not a time of day'],
    ['2026-12-01T09:60:00Z', 'minute 60 does not exist'],
    ['2026-12-31T23:59:60Z', 'leap seconds (:60) are not supported'],
    ['2026-12-01T09:00:00+24:00', '+24:00 is not an offset'],
    ['2026-12-01T09:00:00', 'a date-time needs an offset'],
    ['2026-12-01 09:00', 'a date-time needs an offset'],
    ['2026-12-01T09:00Z', 'not an RFC 3339 date or date-time'],
    ['2026-12-01T09:00:00+0100', 'not an RFC 3339 date or date-time'],
    ['2026-12-01T09:00:00.Z', 'not an RFC 3339 date or date-time'],
    [' 2026-12-01', 'not an RFC 3339 date or date-time'],
    ['2026-12-01\n', 'not an RFC 3339 date or date-time'],
    ['1', 'not an RFC 3339 date or date-time'],
    ['Tue, 01 Dec 2026 09:00:00 GMT', 'not an RFC 3339 date or date-time'],
  ])('refuses %j: %s', (input, reason) => {
    expect(iso(input)).toContain(reason);
  });

  it('refuses what is not a string', () => {
    expect(parseRfc3339(1_764_579_600_000)).toEqual({ ok: false, reason: 'it is not a string' });
  });
});
