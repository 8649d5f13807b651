import { ErrorCodes, type ExpireWaiver } from '@tminus/contracts';
import {
  at,
  blocked,
  CHECKLIST_ID,
  closed,
  IN_A_WEEK,
  NOW,
  opened,
  OPTIONAL,
  REQUIRED,
  signedOff,
  signOffWithdrawn,
  spec,
  ticked,
  waived,
  waiverExpired,
  waiverRevoked,
  YESTERDAY,
} from '../checklist.fixtures';

const expire = (expiresAt?: string | null, itemId = REQUIRED.itemId): ExpireWaiver => ({
  type: 'ExpireWaiver',
  data: { checklistId: CHECKLIST_ID, itemId, expiresAt },
});
const AFTER_A_WEEK = new Date('2026-01-09T00:00:00.000Z');

describe('ExpireWaiver', () => {
  it('puts an item whose waiver has lapsed back to open', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, IN_A_WEEK)])
      .when(expire(IN_A_WEEK), at(AFTER_A_WEEK))
      .then([waiverExpired(REQUIRED.itemId, IN_A_WEEK)]);
  });

  it('expires a waiver at the very instant of its expiry', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, IN_A_WEEK)])
      .when(expire(), at(new Date(IN_A_WEEK)))
      .then([waiverExpired(REQUIRED.itemId, IN_A_WEEK)]);
  });

  it('matches the scheduled expiry by instant, whatever its formatting', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, IN_A_WEEK)])
      .when(expire('2026-01-08T01:00:00+01:00'), at(AFTER_A_WEEK))
      .then([waiverExpired(REQUIRED.itemId, IN_A_WEEK)]);
  });

  it('withdraws the sign-off when the waiver of a required item expires', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, IN_A_WEEK), signedOff()])
      .when(expire(IN_A_WEEK), at(AFTER_A_WEEK))
      .then([waiverExpired(REQUIRED.itemId, IN_A_WEEK), signOffWithdrawn('WAIVER_EXPIRED', REQUIRED.itemId)]);
  });

  it('keeps the sign-off when the waiver of an optional item expires', () => {
    spec
      .given([opened(), ticked(REQUIRED.itemId), waived(OPTIONAL.itemId, IN_A_WEEK), signedOff()])
      .when(expire(IN_A_WEEK, OPTIONAL.itemId), at(AFTER_A_WEEK))
      .then([waiverExpired(OPTIONAL.itemId, IN_A_WEEK)]);
  });

  it.each([
    ['revoked', [waiverRevoked(REQUIRED.itemId)]],
    ['replaced by DONE', [ticked(REQUIRED.itemId)]],
    ['replaced by a block', [blocked(REQUIRED.itemId)]],
    ['already expired', [waiverExpired(REQUIRED.itemId, IN_A_WEEK)]],
  ])('changes nothing when the waiver was %s', (_case, history) => {
    spec
      .given([opened(), waived(REQUIRED.itemId, IN_A_WEEK), ...history])
      .when(expire(IN_A_WEEK), at(AFTER_A_WEEK))
      .thenNothing();
  });

  it('changes nothing when the waiver was renewed with another expiry', () => {
    spec
      .given([
        opened(),
        waived(REQUIRED.itemId, IN_A_WEEK),
        waiverRevoked(REQUIRED.itemId),
        waived(REQUIRED.itemId, '2026-02-01T00:00:00.000Z'),
      ])
      .when(expire(IN_A_WEEK), at(AFTER_A_WEEK))
      .thenNothing();
  });

  it('changes nothing when the current waiver has no expiry', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, null)])
      .when(expire(), at(AFTER_A_WEEK))
      .thenNothing();
  });

  it('refuses a waiver that has not lapsed yet (an early timer)', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, IN_A_WEEK)])
      .when(expire(IN_A_WEEK), at(NOW))
      .thenThrows(ErrorCodes.CHECKLIST_WAIVER_NOT_EXPIRED);
    spec
      .given([opened(), waived(REQUIRED.itemId, IN_A_WEEK)])
      .when(expire(), at(NOW))
      .thenThrows(ErrorCodes.CHECKLIST_WAIVER_NOT_EXPIRED);
  });

  it('refuses an unknown item', () => {
    spec.given([opened()]).when(expire(YESTERDAY, 'nope')).thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_FOUND);
  });

  it('refuses on a closed checklist', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, YESTERDAY), closed()])
      .when(expire(YESTERDAY))
      .thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });

  it('refuses on a checklist that does not exist', () => {
    spec.given([]).when(expire(YESTERDAY)).thenThrows(ErrorCodes.CHECKLIST_NOT_FOUND);
  });
});
