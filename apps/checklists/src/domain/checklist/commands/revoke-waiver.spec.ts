import { ErrorCodes, type RevokeWaiver } from '@tminus/contracts';
import {
  blocked,
  CHECKLIST_ID,
  closed,
  opened,
  OPTIONAL,
  REQUIRED,
  signedOff,
  signOffWithdrawn,
  spec,
  ticked,
  waived,
  waiverRevoked,
  YESTERDAY,
} from '../checklist.fixtures';

const revoke = (itemId = REQUIRED.itemId): RevokeWaiver => ({
  type: 'RevokeWaiver',
  data: { checklistId: CHECKLIST_ID, itemId },
});

describe('RevokeWaiver', () => {
  it('puts a waived item back to open', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId)])
      .when(revoke())
      .then([waiverRevoked(REQUIRED.itemId)]);
  });

  it('revokes a waiver that has lapsed but was not expired yet', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, YESTERDAY)])
      .when(revoke())
      .then([waiverRevoked(REQUIRED.itemId)]);
  });

  it('withdraws the sign-off when the waiver of a required item is revoked', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId), signedOff()])
      .when(revoke())
      .then([waiverRevoked(REQUIRED.itemId), signOffWithdrawn('WAIVER_REVOKED', REQUIRED.itemId)]);
  });

  it('keeps the sign-off when the waiver of an optional item is revoked', () => {
    spec
      .given([opened(), ticked(REQUIRED.itemId), waived(OPTIONAL.itemId), signedOff()])
      .when(revoke(OPTIONAL.itemId))
      .then([waiverRevoked(OPTIONAL.itemId)]);
  });

  it.each([
    ['open', []],
    ['done', [ticked(REQUIRED.itemId)]],
    ['blocked', [blocked(REQUIRED.itemId)]],
    ['already revoked', [waived(REQUIRED.itemId), waiverRevoked(REQUIRED.itemId)]],
  ])('refuses an item that is %s', (_case, history) => {
    spec
      .given([opened(), ...history])
      .when(revoke())
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_WAIVED);
  });

  it('refuses an unknown item', () => {
    spec.given([opened()]).when(revoke('nope')).thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_FOUND);
  });

  it('refuses on a closed checklist', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId), closed()])
      .when(revoke())
      .thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });

  it('refuses on a checklist that does not exist', () => {
    spec.given([]).when(revoke()).thenThrows(ErrorCodes.CHECKLIST_NOT_FOUND);
  });
});
