import { ErrorCodes, type UntickItem } from '@tminus/contracts';
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
  unticked,
  waived,
} from '../checklist.fixtures';

const untick = (itemId = REQUIRED.itemId): UntickItem => ({
  type: 'UntickItem',
  data: { checklistId: CHECKLIST_ID, itemId },
});

describe('UntickItem', () => {
  it('reopens a done item, recording who did it', () => {
    spec
      .given([opened(), ticked(REQUIRED.itemId)])
      .when(untick(), at(NOW, MEMBER))
      .then([unticked(REQUIRED.itemId, 'mia')]);
  });

  it('withdraws the sign-off when a required item is unticked', () => {
    spec
      .given(signedOffChecklist())
      .when(untick())
      .then([unticked(REQUIRED.itemId), signOffWithdrawn('REQUIRED_ITEM_UNTICKED', REQUIRED.itemId)]);
  });

  it('keeps the sign-off when an optional item is unticked', () => {
    spec
      .given([...signedOffChecklist(), ticked(OPTIONAL.itemId)])
      .when(untick(OPTIONAL.itemId))
      .then([unticked(OPTIONAL.itemId)]);
  });

  it('does not withdraw a sign-off that was already withdrawn', () => {
    spec
      .given([...signedOffChecklist(), signOffWithdrawn('ITEM_BLOCKED', OPTIONAL.itemId)])
      .when(untick())
      .then([unticked(REQUIRED.itemId)]);
  });

  it.each([
    ['open', []],
    ['waived', [waived(REQUIRED.itemId)]],
    ['blocked', [blocked(REQUIRED.itemId)]],
    ['already unticked', [ticked(REQUIRED.itemId), unticked(REQUIRED.itemId)]],
  ])('refuses an item that is %s', (_case, history) => {
    spec
      .given([opened(), ...history])
      .when(untick())
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_DONE);
  });

  it('refuses an unknown item', () => {
    spec.given([opened()]).when(untick('nope')).thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_FOUND);
  });

  it('refuses on a closed checklist', () => {
    spec
      .given([opened(), ticked(REQUIRED.itemId), closed()])
      .when(untick())
      .thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });

  it('refuses on a checklist that does not exist', () => {
    spec.given([]).when(untick()).thenThrows(ErrorCodes.CHECKLIST_NOT_FOUND);
  });
});
