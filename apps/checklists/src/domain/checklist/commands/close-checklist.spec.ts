import { ErrorCodes, type CloseChecklist } from '@tminus/contracts';
import { CHECKLIST_ID, closed, opened, reopened, spec } from '../checklist.fixtures';

const close = (reason: CloseChecklist['data']['reason'] = 'TEAM_RELEASED'): CloseChecklist => ({
  type: 'CloseChecklist',
  data: { checklistId: CHECKLIST_ID, reason },
});

describe('CloseChecklist', () => {
  it('closes an open checklist with the reason', () => {
    spec
      .given([opened()])
      .when(close('LAUNCH_CANCELLED'))
      .then([{ type: 'ChecklistClosed', data: { checklistId: CHECKLIST_ID, reason: 'LAUNCH_CANCELLED' } }]);
  });

  it('closes a reopened checklist again', () => {
    spec.given([opened(), closed(), reopened()]).when(close()).then([closed()]);
  });

  it('changes nothing when the checklist is already closed (reactions arrive at least once)', () => {
    spec.given([opened(), closed()]).when(close()).thenNothing();
  });

  it('refuses on a checklist that does not exist', () => {
    spec.given([]).when(close()).thenThrows(ErrorCodes.CHECKLIST_NOT_FOUND);
  });
});
