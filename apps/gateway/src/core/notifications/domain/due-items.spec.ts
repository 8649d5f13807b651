import { checklistView, launchView } from '../../read-model/domain/testing/views';
import type { ChecklistItemView } from '../../read-model/domain/views';
import { dueFirings } from './due-items';

const DUE = '2026-03-10T12:00:00.000Z';
const item = (id: string, overrides: Partial<ChecklistItemView> = {}): ChecklistItemView => ({
  id,
  title: `Item ${id}`,
  description: null,
  required: true,
  state: 'OPEN',
  dueDate: DUE,
  dueDaysBeforeLaunch: null,
  ownerUserId: null,
  doneBy: null,
  doneAt: null,
  evidenceUrl: null,
  waiver: null,
  blockedReason: null,
  blockedBy: null,
  ...overrides,
});

const launch = launchView({ id: 'launch-1', status: 'GO' });
const checklist = (items: ChecklistItemView[], status: 'OPEN' | 'CLOSED' = 'OPEN') =>
  checklistView('team-1', items, { id: 'c-1', launchId: 'launch-1', status });
const at = (iso: string) => new Date(iso);

describe('dueFirings', () => {
  it('given an open item due in more than 24 h, then nothing', () => {
    expect(dueFirings(launch, [checklist([item('a')])], at('2026-03-09T11:59:59.999Z'))).toEqual([]);
  });

  it('given an open item due within 24 h, then ITEM_DUE_SOON for (item, due date)', () => {
    expect(dueFirings(launch, [checklist([item('a')])], at('2026-03-09T12:00:00.000Z'))).toEqual([
      expect.objectContaining({ kind: 'ITEM_DUE_SOON', itemId: 'a', dueDate: DUE, launchId: 'launch-1' }),
    ]);
  });

  it('given an item past its due date, then ITEM_OVERDUE only (its due-soon window is gone)', () => {
    expect(dueFirings(launch, [checklist([item('a')])], at(DUE)).map((f) => f.kind)).toEqual([
      'ITEM_OVERDUE',
    ]);
  });

  it('given done, waived or undated items, a closed checklist or a finished launch, then nothing', () => {
    const items = [
      item('a', { state: 'DONE' }),
      item('b', { state: 'WAIVED' }),
      item('c', { dueDate: null }),
    ];
    const now = at('2026-03-11T00:00:00.000Z');
    expect(dueFirings(launch, [checklist(items)], now)).toEqual([]);
    expect(dueFirings(launch, [checklist([item('d')], 'CLOSED')], now)).toEqual([]);
    expect(dueFirings({ ...launch, status: 'CANCELLED' }, [checklist([item('d')])], now)).toEqual([]);
  });

  it('given a blocked item past its due date, then ITEM_OVERDUE (blocked is not done)', () => {
    const now = at('2026-03-11T00:00:00.000Z');
    expect(dueFirings(launch, [checklist([item('a', { state: 'BLOCKED' })])], now)).toHaveLength(1);
  });
});
