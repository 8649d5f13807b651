import { computeTeamReadiness } from '../../read-model/domain';
import { checklistView, done, itemView, waived } from '../../read-model/domain/testing/views';
import type { TeamView } from '../../read-model/domain/views';
import { memoizedTeamReadiness, nextTimeBoundary } from './team-readiness-memo';

const at = (iso: string) => Date.parse(iso);
const EXPIRES = '2026-02-15T12:00:00.000Z';
const DUE = '2026-02-15T13:00:00.000Z';

const checklist = checklistView('qa', [
  waived('w', EXPIRES),
  itemView('late', { dueDate: DUE }),
  done('d', { dueDate: '2026-02-15T11:00:00.000Z' }),
]);

describe('the team readiness memo', () => {
  it('finds the next instant a waiver lapses or an item becomes late', () => {
    expect(nextTimeBoundary(checklist, at('2026-02-15T10:00:00.000Z'))).toBe(
      at('2026-02-15T11:00:00.000Z') + 1,
    );
    expect(nextTimeBoundary(checklist, at('2026-02-15T11:00:00.000Z'))).toBe(
      at('2026-02-15T11:00:00.000Z') + 1,
    );
    expect(nextTimeBoundary(checklist, at('2026-02-15T11:30:00.000Z'))).toBe(at(EXPIRES));
    expect(nextTimeBoundary(checklist, at(EXPIRES))).toBe(at(DUE) + 1);
    expect(nextTimeBoundary(checklist, at(DUE) + 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('answers what computeTeamReadiness answers, at every moment around the boundaries, in any order', () => {
    const moments = [
      '2026-02-15T10:00:00.000Z',
      '2026-02-15T11:59:59.999Z',
      EXPIRES,
      '2026-02-15T12:30:00.000Z',
      DUE,
      '2026-02-15T13:00:00.001Z',
      '2026-02-15T10:00:00.000Z', // the clock going back
      '2026-02-16T00:00:00.000Z',
    ].map((iso) => new Date(iso));
    for (const now of moments)
      expect(memoizedTeamReadiness(checklist, null, now)).toEqual(computeTeamReadiness(checklist, null, now));
  });

  it('computes again for another team document or another checklist document', () => {
    const now = new Date('2026-02-15T10:00:00.000Z');
    const team: TeamView = {
      id: 'qa',
      key: 'QA',
      name: 'Quality',
      function: 'QA',
      leadUserIds: [],
      memberUserIds: [],
    } as unknown as TeamView;
    const first = memoizedTeamReadiness(checklist, null, now);
    expect(memoizedTeamReadiness(checklist, null, now)).toBe(first);
    expect(memoizedTeamReadiness(checklist, team, now)).toEqual(computeTeamReadiness(checklist, team, now));
    const ticked = {
      ...checklist,
      items: checklist.items.map((item) => ({ ...item, state: 'DONE' as const })),
    };
    expect(memoizedTeamReadiness(ticked, null, now)).toEqual(computeTeamReadiness(ticked, null, now));
  });
});
