const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** Longer waits belong to a scheduler, not a pipeline step (and setTimeout tops out near 24.8 days). */
export const MAX_DURATION_MS = 24 * 3_600_000;

const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;

/**
 * Parses `30s`, `5m`, `1h30m`, `250ms` or a bare number of seconds (`90`) into milliseconds.
 * Throws a RangeError naming the accepted forms for anything else, zero included.
 */
export function parseDuration(raw: string): number {
  const text = raw.trim().toLowerCase();
  let ms: number;
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    ms = Number(text) * 1_000;
  } else if (WHOLE.test(text)) {
    ms = [...text.matchAll(PART)].reduce((sum, [, amount, unit]) => sum + Number(amount) * UNIT_MS[unit], 0);
  } else {
    throw new RangeError(`invalid duration '${raw}': use e.g. 30s, 5m, 1h30m, 500ms or a number of seconds`);
  }
  ms = Math.round(ms);
  if (ms <= 0) throw new RangeError(`invalid duration '${raw}': it must be longer than 0`);
  if (ms > MAX_DURATION_MS) throw new RangeError(`invalid duration '${raw}': at most 24h`);
  return ms;
}

/** `5m`, `1m30s`, `12s`, `800ms`: for messages. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))}ms`;
  const seconds = Math.round(ms / 1_000);
  const h = Math.floor(seconds / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  const s = seconds % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}
