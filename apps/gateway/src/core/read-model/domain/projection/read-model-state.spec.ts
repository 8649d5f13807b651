import { envelopeFactory } from '../testing/envelope-factory';
import {
  checklistEvents as C,
  item,
  LAUNCH_ID,
  launchEvents as L,
  QA_CHECKLIST,
  QA_ID,
  teamEvents,
} from '../testing/events';
import {
  applyEvent,
  checklistsOfLaunch,
  emptyReadModelState,
  findLaunch,
  replayEvents,
  teamsOfLaunch,
} from './read-model-state';

const envelope = envelopeFactory();
const history = [
  envelope(QA_ID, teamEvents.created(QA_ID, 'qa', 'QA')),
  envelope(LAUNCH_ID, L.created()),
  envelope(LAUNCH_ID, L.teamRequired(QA_ID)),
  envelope(QA_CHECKLIST, C.opened(QA_CHECKLIST, QA_ID, [item('i-1'), item('i-2')])),
  envelope(LAUNCH_ID, L.incidentReported('inc-1', 'SEV3')),
  envelope('template-qa', {
    type: 'ChecklistTemplateCreated',
    data: { templateId: 'template-qa', function: 'QA', name: 'QA', version: 1, items: [] },
  }),
];

describe('ReadModelState', () => {
  const state = replayEvents(history);

  it('routes each envelope to its view by type', () => {
    expect(state.launches.get(LAUNCH_ID)?.requiredTeamIds).toEqual([QA_ID]);
    expect(state.checklists.get(QA_CHECKLIST)?.items).toHaveLength(2);
    expect(state.teams.get(QA_ID)?.name).toBe('QA');
    expect(state.templates.get('template-qa')?.version).toBe(1);
  });

  it('maintains the indexes', () => {
    expect(state.launchIdByKey.get('checkout-v2')).toBe(LAUNCH_ID);
    expect(state.teamIdByKey.get('qa')).toBe(QA_ID);
    expect(state.checklistIdByItemId.get('i-2')).toBe(QA_CHECKLIST);
    expect(state.launchIdByIncidentId.get('inc-1')).toBe(LAUNCH_ID);
    expect(state.checklistIdsByLaunchId.get(LAUNCH_ID)).toEqual([QA_CHECKLIST]);
  });

  it('finds launches by id or key, with their checklists and teams', () => {
    const launch = findLaunch(state, 'checkout-v2');
    expect(launch?.id).toBe(LAUNCH_ID);
    expect(findLaunch(state, LAUNCH_ID)).toBe(launch);
    expect(findLaunch(state, 'nope')).toBeNull();
    expect(checklistsOfLaunch(state, LAUNCH_ID).map(({ id }) => id)).toEqual([QA_CHECKLIST]);
    expect(launch && teamsOfLaunch(state, launch).map(({ key }) => key)).toEqual(['qa']);
  });

  it('applyEvent is pure: the previous state is untouched', () => {
    const before = replayEvents(history);
    const after = applyEvent(before, envelope(QA_CHECKLIST, C.ticked(QA_CHECKLIST, 'i-1')));
    expect(after.checklists.get(QA_CHECKLIST)?.items[0].state).toBe('DONE');
    expect(before.checklists.get(QA_CHECKLIST)?.items[0].state).toBe('OPEN');
  });

  it('indexes items added later', () => {
    const after = applyEvent(
      state,
      envelope(QA_CHECKLIST, {
        type: 'ChecklistItemAdded',
        data: { checklistId: QA_CHECKLIST, ...item('i-9') },
      }),
    );
    expect(after.checklistIdByItemId.get('i-9')).toBe(QA_CHECKLIST);
  });

  it('ignores markers and unknown types (same state back)', () => {
    const rejected = envelope(LAUNCH_ID, {
      type: 'CommandRejected',
      data: { commandId: 'c', commandType: 'TickItem', aggregateId: QA_CHECKLIST, code: 'X', message: 'no' },
    });
    const accepted = envelope(LAUNCH_ID, {
      type: 'CommandAccepted',
      data: { commandId: 'c', commandType: 'ExpireWaiver', aggregateId: QA_CHECKLIST },
    });
    expect(applyEvent(state, rejected)).toBe(state);
    expect(applyEvent(state, accepted)).toBe(state);
    expect(applyEvent(state, envelope('x', { type: 'SomethingNew', data: {} }))).toBe(state);
  });

  it('starts empty', () => {
    const empty = emptyReadModelState();
    expect([empty.launches.size, empty.checklists.size, empty.teams.size, empty.templates.size]).toEqual([
      0, 0, 0, 0,
    ]);
  });
});
