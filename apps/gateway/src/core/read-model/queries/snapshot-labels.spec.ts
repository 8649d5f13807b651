import { checklistView, itemView, launchView, teamView } from '../domain/testing/views';
import { snapshotLabels } from './snapshot-labels';

describe('snapshotLabels', () => {
  const qa = teamView('team-qa', 'QA', 'Quality');
  const open = checklistView('team-qa', [itemView('item-1', { title: 'Regression green' })]);
  const closed = checklistView('team-qa', [itemView('item-0', { title: 'Old item' })], {
    id: 'checklist-old',
    status: 'CLOSED',
  });
  const launch = launchView({
    requiredTeamIds: ['team-qa'],
    incidents: [
      {
        id: 'inc-1',
        severity: 'SEV2',
        title: 'Checkout 500s',
        status: 'OPEN',
        reportedAt: '2026-02-14T00:00:00.000Z',
        reportedBy: 'max',
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
      },
    ],
  });
  const labels = snapshotLabels({ launch, checklists: [closed, open], teams: [qa], position: '7' });

  it('names teams, checklists, items (closed checklists too) and incidents of the launch', () => {
    expect(labels.teamName?.('team-qa')).toBe('Quality');
    expect(labels.checklistTeamName?.(open.id)).toBe('Quality');
    expect(labels.itemTitle?.('item-1')).toBe('Regression green');
    expect(labels.itemTitle?.('item-0')).toBe('Old item');
    expect(labels.incidentTitle?.('inc-1')).toBe('Checkout 500s');
  });

  it('leaves what the launch does not hold unnamed (the history falls back to ids)', () => {
    expect(labels.teamName?.('team-other')).toBeUndefined();
    expect(labels.itemTitle?.('item-9')).toBeUndefined();
    expect(labels.incidentTitle?.('inc-9')).toBeUndefined();
  });
});
