import { ErrorCodes, type AddChecklistItem } from '@tminus/contracts';
import {
  CHECKLIST_ID,
  closed,
  HAND_ADDED,
  handAdded,
  opened,
  OPTIONAL,
  REQUIRED,
  signedOffChecklist,
  signOffWithdrawn,
  spec,
} from '../checklist.fixtures';

const add = (overrides: Partial<AddChecklistItem['data']> = {}): AddChecklistItem => ({
  type: 'AddChecklistItem',
  data: {
    checklistId: CHECKLIST_ID,
    itemId: HAND_ADDED.itemId,
    title: HAND_ADDED.title,
    required: true,
    dueDate: HAND_ADDED.dueDate,
    ...overrides,
  },
});

describe('AddChecklistItem', () => {
  it('adds an item with an explicit due date and no offset from the launch', () => {
    spec.given([opened()]).when(add()).then([handAdded()]);
  });

  it('adds an item without a due date, trimming its title and normalizing the date', () => {
    spec
      .given([opened()])
      .when(add({ title: '  Pen test sign-off ', description: 'Scope: API', dueDate: undefined }))
      .then([handAdded({ ...HAND_ADDED, description: 'Scope: API', dueDate: null })]);
    spec
      .given([opened()])
      .when(add({ dueDate: '2026-02-01T01:00:00+01:00' }))
      .then([handAdded({ ...HAND_ADDED, dueDate: '2026-02-01T00:00:00.000Z' })]);
  });

  it('adds an item due some days before the target date (it will move with the launch)', () => {
    spec
      .given([opened()])
      .when(add({ dueDate: null, dueDaysBeforeLaunch: 2 }))
      .then([handAdded({ ...HAND_ADDED, dueDate: '2026-02-27T09:00:00.000Z', dueDaysBeforeLaunch: 2 })]);
  });

  it('keeps the CI check an item names, and refuses a check that is no name', () => {
    spec
      .given([opened()])
      .when(add({ check: 'e2e-tests' }))
      .then([handAdded({ ...HAND_ADDED, check: 'e2e-tests' })]);
    spec
      .given([opened()])
      .when(add({ check: 'E2E tests!' }))
      .thenThrows(ErrorCodes.CHECKLIST_INVALID_ITEM);
  });

  it('refuses both an absolute date and an offset, and a negative offset', () => {
    spec
      .given([opened()])
      .when(add({ dueDaysBeforeLaunch: 2 }))
      .thenThrows(ErrorCodes.CHECKLIST_INVALID_ITEM);
    spec
      .given([opened()])
      .when(add({ dueDate: null, dueDaysBeforeLaunch: -1 }))
      .thenThrows(ErrorCodes.CHECKLIST_INVALID_ITEM);
  });

  it('withdraws the sign-off when a required item is added to a signed-off checklist', () => {
    spec
      .given(signedOffChecklist())
      .when(add())
      .then([handAdded(), signOffWithdrawn('REQUIRED_ITEM_ADDED', HAND_ADDED.itemId)]);
  });

  it('keeps the sign-off when an optional item is added', () => {
    spec
      .given(signedOffChecklist())
      .when(add({ required: false }))
      .then([handAdded({ ...HAND_ADDED, required: false })]);
  });

  it('refuses an item id the checklist already has', () => {
    spec
      .given([opened()])
      .when(add({ itemId: OPTIONAL.itemId }))
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_ALREADY_EXISTS);
    spec.given([opened(), handAdded()]).when(add()).thenThrows(ErrorCodes.CHECKLIST_ITEM_ALREADY_EXISTS);
  });

  it.each<[string, Partial<AddChecklistItem['data']>]>([
    ['a blank title', { title: ' ' }],
    ['a title over 200 characters', { title: 'x'.repeat(201) }],
    ['a description over 2000 characters', { description: 'x'.repeat(2001) }],
    ['a due date that is not a date', { dueDate: 'friday' }],
  ])('refuses %s', (_case, overrides) => {
    spec.given([opened()]).when(add(overrides)).thenThrows(ErrorCodes.CHECKLIST_INVALID_ITEM);
  });

  it('refuses on a closed checklist', () => {
    spec.given([opened(), closed()]).when(add()).thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });

  it('refuses on a checklist that does not exist', () => {
    spec.given([]).when(add()).thenThrows(ErrorCodes.CHECKLIST_NOT_FOUND);
  });

  it('accepts a title of exactly 200 characters', () => {
    spec
      .given([opened([REQUIRED])])
      .when(add({ title: 'x'.repeat(200) }))
      .then([handAdded({ ...HAND_ADDED, title: 'x'.repeat(200) })]);
  });
});
