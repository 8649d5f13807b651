import type { EventEnvelope } from '@tminus/contracts';
import { launchAsOf } from '../as-of/launch-as-of';
import { progressAt, type Progress } from './progress';

export interface Forecast {
  /** When the remaining required items will be done at the recent rate; null without progress to go on. */
  readonly expectedReadyAt: string | null;
  /** True when expectedReadyAt is at or before the target date, or the launch is ready already. */
  readonly onTrack: boolean;
  /** Whole days (rounded up) past the target date; 0 when on track, null without a forecast. */
  readonly slipDays: number | null;
  /** Required items done or waived per day over the recent window. */
  readonly ratePerDay: number;
  /** In words, what the forecast was computed from. */
  readonly basis: string;
}

const DAY_MS = 86_400_000;
/** "Recent": the last week, or since the launch was created when it is younger. */
const RECENT_WINDOW_DAYS = 7;

export interface ForecastInput {
  readonly now: Date;
  readonly targetDate: Date;
  readonly ready: boolean;
  /** Progress at the start of the recent window and now. */
  readonly from: Progress;
  readonly to: Progress;
}

const satisfied = (progress: Progress): number => progress.done + progress.waived;
const round = (value: number): number => Math.round(value * 100) / 100;
const days = (ms: number): number => ms / DAY_MS;
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const windowWords = (ms: number): string =>
  ms >= DAY_MS
    ? count(round(days(ms)), 'day', 'days')
    : count(Math.max(1, Math.round(ms / 60_000)), 'minute', 'minutes');

const landing = (expected: Date, input: ForecastInput, ratePerDay: number, basis: string): Forecast => {
  const late = expected.getTime() - input.targetDate.getTime();
  return {
    expectedReadyAt: expected.toISOString(),
    onTrack: late <= 0,
    slipDays: late <= 0 ? 0 : Math.ceil(days(late)),
    ratePerDay,
    basis,
  };
};

/** The forecast from the progress at the start of the recent window and now (pure arithmetic). */
const forecastFrom = (input: ForecastInput): Forecast => {
  const elapsed = input.now.getTime() - Date.parse(input.from.at);
  const gained = satisfied(input.to) - satisfied(input.from);
  const ratePerDay = elapsed > 0 && gained > 0 ? round(gained / days(elapsed)) : 0;
  const remaining = input.to.required - satisfied(input.to);
  if (input.ready) {
    return {
      expectedReadyAt: input.now.toISOString(),
      onTrack: true,
      slipDays: 0,
      ratePerDay,
      basis: 'The launch is ready.',
    };
  }
  if (remaining <= 0 && input.to.required > 0) {
    return landing(
      input.now,
      input,
      ratePerDay,
      'Every required item is done or waived; sign-offs are missing.',
    );
  }
  if (ratePerDay === 0) {
    const basis = `No required item was done or waived in the last ${windowWords(elapsed)}; ${remaining} to go.`;
    return { expectedReadyAt: null, onTrack: false, slipDays: null, ratePerDay: 0, basis };
  }
  const expected = new Date(input.now.getTime() + remaining / (gained / elapsed));
  const basis = `${count(gained, 'required item', 'required items')} done or waived in the last ${windowWords(elapsed)}; ${remaining} to go.`;
  return landing(expected, input, ratePerDay, basis);
};

/** The slip forecast of a launch at `now`, replayed from its events (see {@link forecastFrom}). */
export const forecastOf = (
  launchId: string,
  envelopes: readonly EventEnvelope[],
  now: Date,
): Forecast | null => {
  const current = launchAsOf(launchId, envelopes, now);
  if (current === null) return null;
  const windowStart = Math.max(
    Date.parse(current.launch.createdAt),
    now.getTime() - RECENT_WINDOW_DAYS * DAY_MS,
  );
  const [from, to] = progressAt(launchId, envelopes, [new Date(windowStart), now]);
  return forecastFrom({
    now,
    targetDate: new Date(current.launch.targetDate),
    ready: current.readiness.ready,
    from,
    to,
  });
};
