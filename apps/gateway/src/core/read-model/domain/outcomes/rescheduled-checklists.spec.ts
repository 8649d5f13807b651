import { checklistView, itemView } from '../testing/views';
import type { LaunchView } from '../views';
import { checklistsMovedBy } from './rescheduled-checklists';

const TARGET = '2026-03-01T00:00:00.000Z';
const LATER = '2026-03-11T00:00:00.000Z';
const launch = {
  targetDate: TARGET,
  requiredTeamIds: ['team-qa', 'team-docs', 'team-sec'],
} as unknown as LaunchView;
const derived = itemView('a', { dueDaysBeforeLaunch: 2, dueDate: '2026-02-27T00:00:00.000Z' });

describe('checklistsMovedBy (which outcomes a reschedule waits for)', () => {
  it('names the open checklists of required teams, items due relative to the launch or not', () => {
    const qa = checklistView('team-qa', [derived], { targetDate: TARGET });
    const docs = checklistView('team-docs', [itemView('b', { dueDate: '2026-02-01T00:00:00.000Z' })], {
      targetDate: TARGET,
    });
    const sec = checklistView('team-sec', [derived], { status: 'CLOSED', targetDate: TARGET });
    const released = checklistView('team-ops', [derived], { targetDate: TARGET });
    expect(checklistsMovedBy(launch, [qa, docs, sec, released], LATER)).toEqual([qa.id, docs.id]);
  });

  it('names none when the target date is the same instant', () => {
    expect(
      checklistsMovedBy(launch, [checklistView('team-qa', [derived])], '2026-03-01T01:00:00+01:00'),
    ).toEqual([]);
  });
});
