import {
  checklistView,
  itemView,
  launchView,
  NOW,
  teamView,
} from '../../../core/read-model/domain/testing/views';
import { toLaunch } from './launch.mapper';

describe('toLaunch', () => {
  // A released team's checklist is closed and no longer among `teams`: its history entries keep their names.
  const qa = teamView('team-qa', 'qa', 'Quality');
  const docs = teamView('team-docs', 'docs', 'Docs');
  const open = checklistView('team-qa', [itemView('item-1', { title: 'Regression green' })]);
  const released = checklistView('team-docs', [itemView('item-0', { title: 'Release notes' })], {
    id: 'checklist-docs',
    status: 'CLOSED',
  });
  const launch = toLaunch(
    {
      launch: launchView({ requiredTeamIds: ['team-qa'] }),
      checklists: [released, open],
      teams: [qa, docs],
      position: '7',
    },
    NOW,
  );

  it('labels history from the snapshot it was mapped from, through the domain (no second read)', () => {
    const labels = launch.historyLabels();
    expect(labels.teamName?.('team-qa')).toBe('Quality');
    expect(labels.itemTitle?.('item-1')).toBe('Regression green');
    expect(labels.checklistTeamName?.('checklist-docs')).toBe('Docs');
    expect(labels.itemTitle?.('item-0')).toBe('Release notes');
  });
});
