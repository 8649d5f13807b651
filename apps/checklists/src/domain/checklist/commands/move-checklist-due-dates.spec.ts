import { ErrorCodes, type MoveChecklistDueDates } from '@tminus/contracts';
import {
  CHECKLIST_ID,
  closed,
  HAND_ADDED,
  handAdded,
  LATER_TARGET_DATE,
  opened,
  OPTIONAL,
  REQUIRED,
  spec,
  TARGET_DATE,
} from '../checklist.fixtures';

const move = (targetDate: string): MoveChecklistDueDates => ({
  type: 'MoveChecklistDueDates',
  data: { checklistId: CHECKLIST_ID, targetDate },
});

describe('MoveChecklistDueDates', () => {
  it('recomputes the due dates of items due relative to the launch', () => {
    spec
      .given([opened(), handAdded()])
      .when(move(LATER_TARGET_DATE))
      .then([
        {
          type: 'ChecklistDueDatesMoved',
          data: {
            checklistId: CHECKLIST_ID,
            targetDate: LATER_TARGET_DATE,
            items: [{ itemId: REQUIRED.itemId, dueDate: '2026-03-04T09:00:00.000Z' }],
          },
        },
      ]);
  });

  it('moves due dates again from the last target date', () => {
    spec
      .given([
        opened(),
        {
          type: 'ChecklistDueDatesMoved',
          data: {
            checklistId: CHECKLIST_ID,
            targetDate: LATER_TARGET_DATE,
            items: [{ itemId: REQUIRED.itemId, dueDate: '2026-03-04T09:00:00.000Z' }],
          },
        },
      ])
      .when(move(TARGET_DATE))
      .then([
        {
          type: 'ChecklistDueDatesMoved',
          data: {
            checklistId: CHECKLIST_ID,
            targetDate: TARGET_DATE,
            items: [{ itemId: REQUIRED.itemId, dueDate: REQUIRED.dueDate }],
          },
        },
      ]);
  });

  it('changes nothing when the target date is the same instant (written differently)', () => {
    spec.given([opened()]).when(move('2026-03-01T10:00:00+01:00')).thenNothing();
  });

  it('records the new target date even when no item is due relative to it', () => {
    spec
      .given([opened([OPTIONAL]), handAdded()])
      .when(move(LATER_TARGET_DATE))
      .then([
        {
          type: 'ChecklistDueDatesMoved',
          data: { checklistId: CHECKLIST_ID, targetDate: LATER_TARGET_DATE, items: [] },
        },
      ]);
  });

  it('moves a hand-added item that was given an offset, and leaves an absolute date alone', () => {
    const relative = {
      ...HAND_ADDED,
      itemId: 'item-relative',
      dueDate: '2026-02-27T09:00:00.000Z',
      dueDaysBeforeLaunch: 2,
    };
    spec
      .given([opened([OPTIONAL]), handAdded(), handAdded(relative)])
      .when(move(LATER_TARGET_DATE))
      .then([
        {
          type: 'ChecklistDueDatesMoved',
          data: {
            checklistId: CHECKLIST_ID,
            targetDate: LATER_TARGET_DATE,
            items: [{ itemId: 'item-relative', dueDate: '2026-03-09T09:00:00.000Z' }],
          },
        },
      ]);
  });

  it('refuses a target date that is not a date', () => {
    spec.given([opened()]).when(move('soon')).thenThrows(ErrorCodes.CHECKLIST_INVALID_TARGET_DATE);
  });

  it('refuses on a closed checklist', () => {
    spec.given([opened(), closed()]).when(move(LATER_TARGET_DATE)).thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });

  it('refuses on a checklist that does not exist', () => {
    spec.given([]).when(move(LATER_TARGET_DATE)).thenThrows(ErrorCodes.CHECKLIST_NOT_FOUND);
  });
});
