import { ErrorCodes, type WaiveItem } from '@tminus/contracts';
import {
  at,
  blocked,
  CHECKLIST_ID,
  closed,
  IN_A_WEEK,
  MEMBER,
  NOW,
  opened,
  REQUIRED,
  signedOff,
  signOffWithdrawn,
  spec,
  ticked,
  waived,
  WAIVER_REASON,
  waiverExpired,
  waiverRejected,
  waiverRequested,
  YESTERDAY,
} from '../checklist.fixtures';

const waive = (overrides: Partial<WaiveItem['data']> = {}): WaiveItem => ({
  type: 'WaiveItem',
  data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId, reason: WAIVER_REASON, ...overrides },
});

describe('WaiveItem (a waiver request)', () => {
  it('records a request by the actor, without expiry; the item stays as it is', () => {
    spec
      .given([opened()])
      .when(waive({ reason: `  ${WAIVER_REASON} ` }), at(NOW, MEMBER))
      .then([waiverRequested(REQUIRED.itemId, null, 'mia')]);
  });

  it('records a request until a future expiry, in ISO form', () => {
    spec
      .given([opened()])
      .when(waive({ expiresAt: '2026-01-08T01:00:00+01:00' }), at(NOW, MEMBER))
      .then([waiverRequested(REQUIRED.itemId, IN_A_WEEK)]);
  });

  it('records a request on a blocked item', () => {
    spec
      .given([opened(), blocked(REQUIRED.itemId)])
      .when(waive(), at(NOW, MEMBER))
      .then([waiverRequested(REQUIRED.itemId)]);
  });

  it('takes a new request once the previous one was rejected', () => {
    spec
      .given([opened(), waiverRequested(REQUIRED.itemId), waiverRejected(REQUIRED.itemId, 'Not covered')])
      .when(waive(), at(NOW, MEMBER))
      .then([waiverRequested(REQUIRED.itemId)]);
  });

  it('asks again for a lapsed waiver the scheduler has not expired yet, recording the lapse first', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, YESTERDAY)])
      .when(waive({ expiresAt: IN_A_WEEK }), at(NOW, MEMBER))
      .then([waiverExpired(REQUIRED.itemId, YESTERDAY), waiverRequested(REQUIRED.itemId, IN_A_WEEK)]);
  });

  it('withdraws the sign-off when asking again for a lapsed waiver of a required item', () => {
    const now = new Date('2026-01-09T00:00:00.000Z');
    spec
      .given([opened(), waived(REQUIRED.itemId, IN_A_WEEK), signedOff()])
      .when(waive({ expiresAt: '2026-02-01T00:00:00.000Z' }), at(now, MEMBER))
      .then([
        waiverExpired(REQUIRED.itemId, IN_A_WEEK),
        signOffWithdrawn('WAIVER_EXPIRED', REQUIRED.itemId),
        waiverRequested(REQUIRED.itemId, '2026-02-01T00:00:00.000Z'),
      ]);
  });

  it('refuses a second request while one waits for a decision', () => {
    spec
      .given([opened(), waiverRequested(REQUIRED.itemId)])
      .when(waive(), at(NOW, MEMBER))
      .thenThrows(ErrorCodes.CHECKLIST_WAIVER_ALREADY_REQUESTED);
  });

  it('refuses an item whose waiver is still valid', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, IN_A_WEEK)])
      .when(waive())
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_ALREADY_WAIVED);
    spec
      .given([opened(), waived(REQUIRED.itemId, null)])
      .when(waive())
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_ALREADY_WAIVED);
  });

  it('refuses a done item', () => {
    spec
      .given([opened(), ticked(REQUIRED.itemId)])
      .when(waive())
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_ALREADY_DONE);
  });

  it.each([
    ['now', NOW.toISOString()],
    ['in the past', YESTERDAY],
    ['not a date', 'in two weeks'],
  ])('refuses an expiry that is %s', (_case, expiresAt) => {
    spec
      .given([opened()])
      .when(waive({ expiresAt }), at(NOW))
      .thenThrows(ErrorCodes.CHECKLIST_INVALID_EXPIRY);
  });

  it('refuses a waiver without a reason', () => {
    spec
      .given([opened()])
      .when(waive({ reason: '   ' }))
      .thenThrows(ErrorCodes.CHECKLIST_INVALID_ITEM);
  });

  it('refuses an unknown item', () => {
    spec
      .given([opened()])
      .when(waive({ itemId: 'nope' }))
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_FOUND);
  });

  it('refuses on a closed checklist', () => {
    spec.given([opened(), closed()]).when(waive()).thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });

  it('refuses on a checklist that does not exist', () => {
    spec.given([]).when(waive()).thenThrows(ErrorCodes.CHECKLIST_NOT_FOUND);
  });
});
