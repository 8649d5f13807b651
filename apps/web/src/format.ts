// How dates and words are shown: dates in the reader's locale, UTC-neutral day precision.
export const day = (iso: string | null | undefined): string =>
  iso
    ? new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
    : '—';

export const moment = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

export const words = (constant: string): string => constant.toLowerCase().replaceAll('_', ' ');

/** The forecast in words: `on track`, `slips N days`, or why there is none. */
export const forecastWords = (forecast: { onTrack: boolean; slipDays: number | null }): string => {
  if (forecast.onTrack) return 'on track';
  if (forecast.slipDays === null) return 'no forecast yet';
  return `slips ${forecast.slipDays} ${forecast.slipDays === 1 ? 'day' : 'days'}`;
};
