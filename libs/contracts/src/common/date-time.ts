/**
 * The one reader of dates and date-times for every input (GraphQL `DateTime`, command payloads,
 * REST, CLI): RFC 3339 `date-time` (`2026-12-01T09:00:00Z`, `2026-12-01T10:00:00.5+01:00`), or a bare
 * `full-date` (`2026-12-01`, midnight UTC). Strict where `Date.parse` is lenient: a day that is not on
 * the calendar (`2026-02-30`, which `Date.parse` rolls over to March 2nd), hour 24, a time without an
 * offset (it would depend on the server's zone) and leap seconds (a JavaScript `Date` cannot hold them)
 * are refused with the reason.
 */

export type DateTimeParse =
  | {
      readonly ok: true;
      readonly instant: Date;
      /** Canonical UTC form, `YYYY-MM-DDTHH:mm:ss.sssZ`. */ readonly iso: string;
    }
  | { readonly ok: false; readonly reason: string };

// RFC 3339 §5.6; "T" and "Z" may be lower case (§5.6 NOTE). Fractions up to nanoseconds (kept to ms).
const RFC_3339 =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[Tt](?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(?:\.(?<fraction>\d{1,9}))?(?:[Zz]|(?<sign>[+-])(?<offsetHour>\d{2}):(?<offsetMinute>\d{2})))?$/;
const DATE_AND_TIME_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysIn = (year: number, month: number): number =>
  [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

const refuse = (reason: string): DateTimeParse => ({ ok: false, reason });

interface Fields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Minutes east of UTC. */
  readonly offset: number;
}

export function parseRfc3339(value: unknown): DateTimeParse {
  if (typeof value !== 'string') return refuse('it is not a string');
  const groups = RFC_3339.exec(value)?.groups;
  if (!groups) {
    return refuse(
      DATE_AND_TIME_WITHOUT_OFFSET.test(value)
        ? 'a date-time needs an offset ("Z" or "+hh:mm"): a local time depends on the zone'
        : `it is not an RFC 3339 date or date-time, e.g. ${DATE_TIME_EXAMPLE}`,
    );
  }
  const fields: Fields = {
    year: number(groups.year),
    month: number(groups.month),
    day: number(groups.day),
    hour: number(groups.hour),
    minute: number(groups.minute),
    second: number(groups.second),
    millisecond: Number((groups.fraction ?? '').slice(0, 3).padEnd(3, '0')),
    offset: (groups.sign === '-' ? -1 : 1) * (number(groups.offsetHour) * 60 + number(groups.offsetMinute)),
  };
  const problem = calendarProblem(fields) ?? clockProblem(fields, groups);
  return problem ? refuse(problem) : accept(fields);
}

function calendarProblem({ year, month, day }: Fields): string | undefined {
  if (month < 1 || month > 12) return `month ${month} does not exist (01 to 12)`;
  const days = daysIn(year, month);
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has no day ${day}, only ${days} days`;
  return undefined;
}

function clockProblem(fields: Fields, groups: Record<string, string | undefined>): string | undefined {
  if (fields.hour > 23)
    return `${groups.hour}:${groups.minute} is not a time of day (hours go from 00 to 23)`;
  if (fields.minute > 59) return `minute ${groups.minute} does not exist (00 to 59)`;
  if (fields.second === 60) return 'leap seconds (:60) are not supported';
  if (fields.second > 59) return `second ${groups.second} does not exist (00 to 59)`;
  if (number(groups.offsetHour) > 23 || number(groups.offsetMinute) > 59)
    return `${groups.sign}${groups.offsetHour}:${groups.offsetMinute} is not an offset`;
  return undefined;
}

const number = (text: string | undefined): number => Number(text ?? 0);

function accept(fields: Fields): DateTimeParse {
  const instant = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  instant.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  instant.setUTCHours(fields.hour, fields.minute, fields.second, fields.millisecond);
  instant.setTime(instant.getTime() - fields.offset * 60_000);
  if (Number.isNaN(instant.getTime())) return refuse('it is out of range');
  return { ok: true, instant, iso: instant.toISOString() };
}

/** A human hint for error messages: what a valid value looks like. */
export const DATE_TIME_EXAMPLE = '"2026-12-01T09:00:00Z" or "2026-12-01"';
