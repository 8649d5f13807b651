import { ErrorCodes, type OpenChecklist, type OpenedItemSpec } from '@tminus/contracts';
import {
  CHECKLIST_ID,
  closed,
  handAdded,
  LATER_TARGET_DATE,
  LAUNCH_ID,
  opened,
  OPTIONAL,
  REQUIRED,
  reopened,
  spec,
  TARGET_DATE,
  TEAM_ID,
  ticked,
} from '../checklist.fixtures';

const TEMPLATE_ITEMS: OpenedItemSpec[] = [
  {
    itemId: REQUIRED.itemId,
    title: REQUIRED.title,
    description: REQUIRED.description,
    required: true,
    dueDaysBeforeLaunch: 7,
  },
  { itemId: OPTIONAL.itemId, title: OPTIONAL.title, required: false },
];

const open = (overrides: Partial<OpenChecklist['data']> = {}): OpenChecklist => ({
  type: 'OpenChecklist',
  data: {
    checklistId: CHECKLIST_ID,
    launchId: LAUNCH_ID,
    teamId: TEAM_ID,
    teamFunction: 'SECURITY',
    templateId: 'template-security',
    templateVersion: 2,
    targetDate: TARGET_DATE,
    items: TEMPLATE_ITEMS,
    ...overrides,
  },
});

describe('OpenChecklist', () => {
  it('opens a new checklist with due dates counted back from the target date', () => {
    spec
      .given([])
      .when(open())
      .then([opened([REQUIRED, OPTIONAL])]);
  });

  it('opens an empty checklist when the function has no template', () => {
    spec
      .given([])
      .when(open({ templateId: null, templateVersion: null, teamFunction: null, items: [] }))
      .then([
        {
          type: 'ChecklistOpened',
          data: {
            checklistId: CHECKLIST_ID,
            launchId: LAUNCH_ID,
            teamId: TEAM_ID,
            teamFunction: null,
            templateId: null,
            templateVersion: null,
            targetDate: TARGET_DATE,
            items: [],
            signOffsRequired: 1,
          },
        },
      ]);
  });

  it('gives an item the owner its template names', () => {
    spec
      .given([])
      .when(open({ items: [{ ...TEMPLATE_ITEMS[1], owner: 'pia' }] }))
      .thenEventsSatisfy(([event]) => {
        expect(event).toMatchObject({ data: { items: [{ itemId: OPTIONAL.itemId, ownerUserId: 'pia' }] } });
      });
  });

  it('gives an item the CI check its template names', () => {
    spec
      .given([])
      .when(open({ items: [{ ...TEMPLATE_ITEMS[1], check: 'e2e-tests' }] }))
      .thenEventsSatisfy(([event]) => {
        expect(event).toMatchObject({ data: { items: [{ itemId: OPTIONAL.itemId, check: 'e2e-tests' }] } });
      });
  });

  it('asks for as many lead sign-offs as the launch does', () => {
    spec
      .given([])
      .when(open({ signOffsRequired: 2 }))
      .thenEventsSatisfy(([event]) => {
        expect(event).toMatchObject({ type: 'ChecklistOpened', data: { signOffsRequired: 2 } });
      });
  });

  it.each([0, 2.5, 21])('refuses %s sign-offs', (signOffsRequired) => {
    spec.given([]).when(open({ signOffsRequired })).thenThrows(ErrorCodes.CHECKLIST_INVALID_SIGN_OFFS);
  });

  it('reopens with the number of sign-offs asked for this time', () => {
    spec
      .given([opened(), closed()])
      .when(open({ signOffsRequired: 3 }))
      .thenEventsSatisfy((events) => {
        expect(events[0]).toEqual(reopened(TARGET_DATE, 3));
      });
  });

  it('records the target date in ISO form and a due day count of 0 as the target date itself', () => {
    spec
      .given([])
      .when(
        open({
          targetDate: '2026-03-01',
          items: [{ itemId: 'i', title: 'Go', required: true, dueDaysBeforeLaunch: 0 }],
        }),
      )
      .thenEventsSatisfy(([event]) => {
        expect(event.type).toBe('ChecklistOpened');
        if (event.type !== 'ChecklistOpened') return;
        expect(event.data.targetDate).toBe('2026-03-01T00:00:00.000Z');
        expect(event.data.items[0].dueDate).toBe('2026-03-01T00:00:00.000Z');
      });
  });

  it('refuses to open a checklist that is already open', () => {
    spec.given([opened()]).when(open()).thenThrows(ErrorCodes.CHECKLIST_ALREADY_OPEN);
  });

  it('refuses a target date that is not a date', () => {
    spec
      .given([])
      .when(open({ targetDate: 'next tuesday' }))
      .thenThrows(ErrorCodes.CHECKLIST_INVALID_TARGET_DATE);
  });

  it.each<[string, OpenedItemSpec[]]>([
    ['a blank title', [{ itemId: 'i', title: '  ', required: true }]],
    [
      'a due offset beyond a year',
      [{ itemId: 'i', title: 'Audit', required: true, dueDaysBeforeLaunch: 366 }],
    ],
    [
      'an item id used twice',
      [
        { itemId: 'i', title: 'One', required: true },
        { itemId: 'i', title: 'Two', required: true },
      ],
    ],
  ])('refuses items with %s', (_case, items) => {
    spec.given([]).when(open({ items })).thenThrows(ErrorCodes.CHECKLIST_INVALID_ITEM);
  });

  describe('when the checklist was closed (the team is required again)', () => {
    it('reopens it without touching its items when the target date is unchanged', () => {
      spec
        .given([opened(), closed()])
        .when(open())
        .then([reopened(TARGET_DATE)]);
    });

    it('ignores the items of the command: the old checklist comes back', () => {
      spec
        .given([opened(), closed()])
        .when(open({ items: [{ itemId: 'new', title: 'New template item', required: true }] }))
        .then([reopened(TARGET_DATE)]);
    });

    it('moves the due dates of template items to a new target date, not those of hand-added items', () => {
      spec
        .given([opened(), handAdded(), closed()])
        .when(open({ targetDate: LATER_TARGET_DATE }))
        .then([
          reopened(LATER_TARGET_DATE),
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

    it('keeps the states of its items', () => {
      spec
        .given([opened(), ticked(REQUIRED.itemId), closed(), reopened()])
        .when({ type: 'UntickItem', data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId } })
        .then([
          {
            type: 'ChecklistItemUnticked',
            data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId, by: 'alice' },
          },
        ]);
    });
  });
});
