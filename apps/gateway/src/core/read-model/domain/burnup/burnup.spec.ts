import { launchAsOf } from '../as-of/launch-as-of';
import { bucketEnds, burnupOf, MAX_BURNUP_POINTS } from './burnup';
import { C, feb, LAUNCH_ID, madeUpHistory, QA_CHECKLIST as QA } from './history.fixture';

const launch = { id: LAUNCH_ID, createdAt: feb(1, 10).toISOString() };

describe('burnupOf', () => {
  const history = madeUpHistory()
    .checklist(C.ticked(QA, 'i-1'), feb(2, 8))
    .checklist(C.waived(QA, 'i-2'), feb(2, 9))
    .checklist(C.ticked(QA, 'optional'), feb(2, 9))
    .checklist(C.ticked(QA, 'i-3'), feb(3, 12))
    .checklist(C.unticked(QA, 'i-3'), feb(3, 13));

  it('gives a point at the end of each day from creation until now, the last one at now', () => {
    expect(burnupOf(launch, history.events, feb(4, 6), 'DAY')).toEqual([
      { at: feb(2).toISOString(), required: 4, done: 0, waived: 0 },
      { at: feb(3).toISOString(), required: 4, done: 1, waived: 1 },
      { at: feb(4).toISOString(), required: 4, done: 1, waived: 1 },
      { at: feb(4, 6).toISOString(), required: 4, done: 1, waived: 1 },
    ]);
  });

  it('sees the items once the checklist opened, hour by hour', () => {
    const points = burnupOf(launch, history.events, feb(1, 13), 'HOUR');
    expect(points.map(({ at, required }) => [at, required])).toEqual([
      [feb(1, 11).toISOString(), 4],
      [feb(1, 12).toISOString(), 4],
      [feb(1, 13).toISOString(), 4],
    ]);
  });

  it('agrees with launchAsOf at every point', () => {
    for (const point of burnupOf(launch, history.events, feb(4, 6), 'HOUR')) {
      const asOf = launchAsOf(LAUNCH_ID, history.events, new Date(point.at));
      expect(point.done + point.waived).toBe(asOf?.readiness.counts.doneOrWaived);
      expect(point.required).toBe(asOf?.readiness.counts.requiredItems);
    }
  });
});

describe('bucketEnds', () => {
  it('keeps the most recent points of a long span', () => {
    const ends = bucketEnds(feb(1), new Date(Date.UTC(2026, 5, 1)), 'HOUR');
    expect(ends).toHaveLength(MAX_BURNUP_POINTS);
    expect(ends.at(-1)).toEqual(new Date(Date.UTC(2026, 5, 1)));
  });
});
