import { templateIdFor, type ChecklistTemplateEvent, type TeamEvent } from '@tminus/contracts';
import { envelopeFactory } from '../testing/envelope-factory';
import { QA_ID, teamEvents } from '../testing/events';
import type { TeamView, TemplateView } from '../views';
import { applyTeamEvent } from './team.reducer';
import { applyTemplateEvent } from './template.reducer';

const projectTeam = (...events: TeamEvent[]): TeamView | null => {
  const envelope = envelopeFactory();
  return events.reduce<TeamView | null>((view, event) => applyTeamEvent(view, envelope(QA_ID, event)), null);
};
const member = (
  type: 'TeamMemberAdded' | 'TeamMemberRoleChanged',
  userId: string,
  role: 'LEAD' | 'MEMBER',
): TeamEvent => ({
  type,
  data: { teamId: QA_ID, userId, role },
});

describe('applyTeamEvent', () => {
  it('creates, renames and tracks members and roles in joining order', () => {
    const view = projectTeam(
      teamEvents.created(QA_ID, 'qa', 'QA'),
      member('TeamMemberAdded', 'lena', 'LEAD'),
      member('TeamMemberAdded', 'quinn', 'MEMBER'),
      member('TeamMemberAdded', 'rob', 'MEMBER'),
      member('TeamMemberRoleChanged', 'quinn', 'LEAD'),
      { type: 'TeamMemberRemoved', data: { teamId: QA_ID, userId: 'rob' } },
      { type: 'TeamRenamed', data: { teamId: QA_ID, name: 'Quality' } },
    );
    expect(view).toEqual({
      id: QA_ID,
      key: 'qa',
      name: 'Quality',
      function: 'QA',
      members: [
        { userId: 'lena', role: 'LEAD' },
        { userId: 'quinn', role: 'LEAD' },
      ],
      createdAt: '2026-01-01T00:00:01.000Z',
      updatedAt: '2026-01-01T00:00:07.000Z',
      version: 7,
    });
  });

  it('ignores events of a team never created and non-team events', () => {
    expect(projectTeam(member('TeamMemberAdded', 'lena', 'LEAD'))).toBeNull();
    const team = projectTeam(teamEvents.created(QA_ID, 'qa', 'QA'));
    const other = envelopeFactory()(
      QA_ID,
      { type: 'LaunchClosed', data: { launchId: 'x', at: 'y' } },
      { position: 9 },
    );
    expect(applyTeamEvent(team, other)).toBe(team);
  });
});

describe('applyTemplateEvent', () => {
  const templateId = templateIdFor('QA');
  const template = (
    type: ChecklistTemplateEvent['type'],
    version: number,
    titles: string[],
  ): ChecklistTemplateEvent => ({
    type,
    data: {
      templateId,
      function: 'QA',
      name: `QA v${version}`,
      version,
      items: titles.map((title) => ({ title, required: true, dueDaysBeforeLaunch: 3 })),
    },
  });

  it('creates, then replaces the template on revision, keeping its creation time', () => {
    const envelope = envelopeFactory();
    const created = applyTemplateEvent(
      null,
      envelope(templateId, template('ChecklistTemplateCreated', 1, ['Smoke'])),
    );
    const revised = applyTemplateEvent(
      created,
      envelope(templateId, template('ChecklistTemplateRevised', 2, ['Smoke', 'Load test'])),
    );
    expect(revised).toEqual<TemplateView>({
      id: templateId,
      function: 'QA',
      name: 'QA v2',
      version: 2,
      items: [
        { title: 'Smoke', required: true, dueDaysBeforeLaunch: 3 },
        { title: 'Load test', required: true, dueDaysBeforeLaunch: 3 },
      ],
      createdAt: '2026-01-01T00:00:01.000Z',
      updatedAt: '2026-01-01T00:00:02.000Z',
      streamVersion: 2,
    });
    const redelivered = envelope(templateId, template('ChecklistTemplateCreated', 1, ['Smoke']), {
      position: 1,
    });
    expect(applyTemplateEvent(revised, redelivered)).toBe(revised);
  });
});
