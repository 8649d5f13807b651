import type { EventEnvelope } from '@tminus/contracts';
import { progressAt, type Progress } from './progress';

export type BurnupBucket = 'HOUR' | 'DAY';
export type BurnupPoint = Progress;

const BUCKET_MS: Record<BurnupBucket, number> = { HOUR: 3_600_000, DAY: 86_400_000 };
/** A long-lived launch asked for hours would mean thousands of points: keep the most recent ones. */
export const MAX_BURNUP_POINTS = 1000;

/**
 * The ends of the UTC hour/day buckets from the one the launch was created in up to the one holding
 * `now`; the last bucket is not over yet, so its point is taken at `now`.
 */
export const bucketEnds = (createdAt: Date, now: Date, bucket: BurnupBucket): Date[] => {
  const size = BUCKET_MS[bucket];
  const ends: Date[] = [];
  const firstEnd = Math.floor(createdAt.getTime() / size) * size + size;
  const last = Math.max(now.getTime(), createdAt.getTime());
  for (let end = firstEnd; ; end += size) {
    if (end >= last) {
      ends.push(new Date(last));
      break;
    }
    ends.push(new Date(end));
  }
  return ends.slice(-MAX_BURNUP_POINTS);
};

/** The burn-up of a launch: its progress at the end of each bucket, from its creation until now. */
export const burnupOf = (
  launch: { readonly id: string; readonly createdAt: string },
  envelopes: Iterable<EventEnvelope>,
  now: Date,
  bucket: BurnupBucket,
): BurnupPoint[] => progressAt(launch.id, envelopes, bucketEnds(new Date(launch.createdAt), now, bucket));
