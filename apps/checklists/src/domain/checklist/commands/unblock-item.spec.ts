import { ErrorCodes, type UnblockItem } from '@tminus/contracts';
import {
  at,
  blocked,
  CHECKLIST_ID,
  closed,
  MEMBER,
  NOW,
  opened,
  REQUIRED,
  spec,
  ticked,
  unblocked,
  waived,
} from '../checklist.fixtures';

const unblock = (itemId = REQUIRED.itemId): UnblockItem => ({
  type: 'UnblockItem',
  data: { checklistId: CHECKLIST_ID, itemId },
});

describe('UnblockItem', () => {
  it('puts a blocked item back to open, recording who did it', () => {
    spec
      .given([opened(), blocked(REQUIRED.itemId)])
      .when(unblock(), at(NOW, MEMBER))
      .then([
        {
          type: 'ChecklistItemUnblocked',
          data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId, by: 'mia' },
        },
      ]);
  });

  it('does not bring back a waiver the block replaced', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId), blocked(REQUIRED.itemId), unblocked(REQUIRED.itemId)])
      .when({ type: 'RevokeWaiver', data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId } })
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_WAIVED);
  });

  it.each([
    ['open', []],
    ['done', [ticked(REQUIRED.itemId)]],
    ['waived', [waived(REQUIRED.itemId)]],
    ['already unblocked', [blocked(REQUIRED.itemId), unblocked(REQUIRED.itemId)]],
  ])('refuses an item that is %s', (_case, history) => {
    spec
      .given([opened(), ...history])
      .when(unblock())
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_BLOCKED);
  });

  it('refuses an unknown item', () => {
    spec.given([opened()]).when(unblock('nope')).thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_FOUND);
  });

  it('refuses on a closed checklist', () => {
    spec
      .given([opened(), blocked(REQUIRED.itemId), closed()])
      .when(unblock())
      .thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });

  it('refuses on a checklist that does not exist', () => {
    spec.given([]).when(unblock()).thenThrows(ErrorCodes.CHECKLIST_NOT_FOUND);
  });
});
