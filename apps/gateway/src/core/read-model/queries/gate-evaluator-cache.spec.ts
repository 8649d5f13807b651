import { computeLaunchReadiness, evaluateGate, type GateEvaluation, type Staleness } from '../domain';
import { QA_ID } from '../domain/testing/events';
import {
  checklistView,
  done,
  itemView,
  launchView,
  NOW,
  SIGNED,
  teamView,
  waived,
} from '../domain/testing/views';
import { nextTimeBoundary } from './gate-evaluator-cache';
import { GateEvaluator } from './gate-evaluator';
import type { LaunchSnapshot } from './launch-snapshot';

const QA = teamView(QA_ID, 'qa', 'QA');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const iso = (offsetMs: number) => at(offsetMs).toISOString();

/** A GO launch requiring QA, whose signed-off checklist holds `items`. */
const snapshotOf = (items: Parameters<typeof checklistView>[1]): LaunchSnapshot => ({
  launch: launchView({ requiredTeamIds: [QA_ID], status: 'GO' }),
  checklists: [checklistView(QA_ID, items, { signOffs: SIGNED })],
  teams: [QA],
  position: '7',
});

/** What the gate says without any cache, at `now`. */
const fresh = (snapshot: LaunchSnapshot, now: Date, staleness?: Staleness): GateEvaluation =>
  evaluateGate({
    launch: snapshot.launch,
    readiness: computeLaunchReadiness(snapshot.launch, snapshot.checklists, snapshot.teams, now),
    environment: 'production',
    now,
    position: snapshot.position,
    staleness,
  });

/** An evaluator over one snapshot (as CachedSnapshots hands out the same object), on a settable clock. */
function evaluatorOf(
  snapshot: () => LaunchSnapshot,
  staleness: { current: Staleness } = { current: { stale: false } },
) {
  const clock = { now: NOW };
  const reads = { count: 0 };
  const evaluator = new GateEvaluator(
    {
      launchSnapshot: async () => {
        reads.count += 1;
        return snapshot();
      },
    },
    () => clock.now,
    async () => staleness.current,
  );
  return { evaluator, clock };
}

describe('nextTimeBoundary', () => {
  it('is the nearest waiver expiry or due date (+1 ms: overdue once past it) ahead of now', () => {
    const snapshot = snapshotOf([
      waived('w-past', iso(-1_000)),
      waived('w-later', iso(60_000)),
      itemView('due-soon', { dueDate: iso(30_000) }),
      done('due-past', { dueDate: iso(-5) }),
    ]);
    expect(nextTimeBoundary(snapshot, NOW.getTime())).toBe(NOW.getTime() + 30_001);
    expect(nextTimeBoundary(snapshot, NOW.getTime() + 30_001)).toBe(NOW.getTime() + 60_000);
  });

  it('is Infinity when nothing ahead depends on the clock', () => {
    expect(nextTimeBoundary(snapshotOf([done('a'), waived('b', null)]), NOW.getTime())).toBe(Infinity);
  });
});

describe('GateEvaluator with evaluations kept per snapshot', () => {
  it('answers an unchanged snapshot as a fresh evaluation would, at the new now', async () => {
    const snapshot = snapshotOf([done('a'), itemView('b', { dueDate: iso(3_600_000) })]);
    const { evaluator, clock } = evaluatorOf(() => snapshot);
    await evaluator.evaluate('launch', 'production');
    clock.now = at(1_000);
    await expect(evaluator.evaluate('launch', 'production')).resolves.toEqual(fresh(snapshot, at(1_000)));
  });

  it('decides again once a waiver lapses', async () => {
    const snapshot = snapshotOf([done('a'), waived('b', iso(10_000))]);
    const { evaluator, clock } = evaluatorOf(() => snapshot);
    expect((await evaluator.evaluate('launch', 'production'))?.decision).toBe('ALLOWED');
    clock.now = at(9_999);
    expect((await evaluator.evaluate('launch', 'production'))?.decision).toBe('ALLOWED');
    clock.now = at(10_000);
    const lapsed = await evaluator.evaluate('launch', 'production');
    expect(lapsed).toEqual(fresh(snapshot, at(10_000)));
    expect(lapsed?.decision).toBe('DENIED');
  });

  it('decides again once an item is past its due date', async () => {
    const snapshot = snapshotOf([
      done('a'),
      waived('b', null, { dueDate: iso(5_000) }),
      itemView('c', { required: false, dueDate: iso(5_000) }),
    ]);
    const { evaluator, clock } = evaluatorOf(() => snapshot);
    const before = await evaluator.evaluate('launch', 'production');
    clock.now = at(5_001);
    const after = await evaluator.evaluate('launch', 'production');
    expect(after).toEqual(fresh(snapshot, at(5_001)));
    expect(after?.readiness.overdue).not.toEqual(before?.readiness.overdue);
  });

  it('evaluates a changed launch (a new snapshot) afresh', async () => {
    let snapshot = snapshotOf([itemView('a')]);
    const { evaluator } = evaluatorOf(() => snapshot);
    expect((await evaluator.evaluate('launch', 'production'))?.decision).toBe('DENIED');
    snapshot = snapshotOf([done('a')]);
    expect((await evaluator.evaluate('launch', 'production'))?.decision).toBe('ALLOWED');
  });

  it('keeps environments apart, and never keeps a stale answer', async () => {
    const snapshot = snapshotOf([done('a')]);
    const staleness = { current: { stale: true, detail: '3 events behind' } as Staleness };
    const { evaluator } = evaluatorOf(() => snapshot, staleness);
    const stale = await evaluator.evaluate('launch', 'production');
    expect(stale?.reasons.map((reason) => reason.code)).toEqual(['READ_MODEL_STALE']);
    staleness.current = { stale: false };
    await expect(evaluator.evaluate('launch', 'production')).resolves.toEqual(fresh(snapshot, NOW));
    await expect(evaluator.evaluate('launch', 'staging')).resolves.toMatchObject({ environment: 'staging' });
    staleness.current = { stale: true };
    expect((await evaluator.evaluate('launch', 'production'))?.decision).toBe('DENIED');
  });

  it('does not trust a clock that went back', async () => {
    const snapshot = snapshotOf([done('a'), waived('b', iso(10_000))]);
    const { evaluator, clock } = evaluatorOf(() => snapshot);
    clock.now = at(20_000);
    expect((await evaluator.evaluate('launch', 'production'))?.decision).toBe('DENIED');
    clock.now = at(0);
    expect((await evaluator.evaluate('launch', 'production'))?.decision).toBe('ALLOWED');
  });
});
