import { ErrorCodes, type BlockItem } from '@tminus/contracts';
import {
  at,
  blocked,
  CHECKLIST_ID,
  closed,
  MEMBER,
  NOW,
  opened,
  OPTIONAL,
  REQUIRED,
  signedOffChecklist,
  signOffWithdrawn,
  spec,
  ticked,
  waived,
} from '../checklist.fixtures';

const REASON = 'Waiting for the vendor';
const block = (overrides: Partial<BlockItem['data']> = {}): BlockItem => ({
  type: 'BlockItem',
  data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId, reason: REASON, ...overrides },
});

describe('BlockItem', () => {
  it('blocks an open item with a reason, recording who did it', () => {
    spec
      .given([opened()])
      .when(block({ reason: ` ${REASON}  ` }), at(NOW, MEMBER))
      .then([
        {
          type: 'ChecklistItemBlocked',
          data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId, reason: REASON, by: 'mia' },
        },
      ]);
  });

  it('blocks a waived item (the block replaces the waiver)', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId)])
      .when(block())
      .then([blocked(REQUIRED.itemId)]);
  });

  it('withdraws the sign-off when any item of a signed-off checklist is blocked, even an optional one', () => {
    spec
      .given(signedOffChecklist())
      .when(block({ itemId: OPTIONAL.itemId }))
      .then([blocked(OPTIONAL.itemId), signOffWithdrawn('ITEM_BLOCKED', OPTIONAL.itemId)]);
  });

  it('refuses a done item', () => {
    spec
      .given([opened(), ticked(REQUIRED.itemId)])
      .when(block())
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_ALREADY_DONE);
  });

  it('refuses an item that is already blocked', () => {
    spec
      .given([opened(), blocked(REQUIRED.itemId)])
      .when(block())
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_ALREADY_BLOCKED);
  });

  it('refuses a block without a reason', () => {
    spec
      .given([opened()])
      .when(block({ reason: '' }))
      .thenThrows(ErrorCodes.CHECKLIST_INVALID_ITEM);
  });

  it('refuses a reason over 1000 characters', () => {
    spec
      .given([opened()])
      .when(block({ reason: 'x'.repeat(1001) }))
      .thenThrows(ErrorCodes.CHECKLIST_INVALID_ITEM);
  });

  it('refuses an unknown item', () => {
    spec
      .given([opened()])
      .when(block({ itemId: 'nope' }))
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_FOUND);
  });

  it('refuses on a closed checklist', () => {
    spec.given([opened(), closed()]).when(block()).thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });

  it('refuses on a checklist that does not exist', () => {
    spec.given([]).when(block()).thenThrows(ErrorCodes.CHECKLIST_NOT_FOUND);
  });
});
