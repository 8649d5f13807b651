import { ErrorCodes, type ApproveWaiver, type RejectWaiver } from '@tminus/contracts';
import {
  at,
  blocked,
  CHECKLIST_ID,
  closed,
  IN_A_WEEK,
  MANAGER,
  MEMBER,
  NOW,
  opened,
  REQUIRED,
  spec,
  ticked,
  waived,
  waiverRejected,
  waiverRequested,
  YESTERDAY,
} from '../checklist.fixtures';

const approve = (itemId = REQUIRED.itemId): ApproveWaiver => ({
  type: 'ApproveWaiver',
  data: { checklistId: CHECKLIST_ID, itemId },
});
const rejectRequest = (reason = 'Not covered by the audit'): RejectWaiver => ({
  type: 'RejectWaiver',
  data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId, reason },
});

describe('ApproveWaiver', () => {
  it('waives the item as requested, approved by someone else', () => {
    spec
      .given([opened(), waiverRequested(REQUIRED.itemId, IN_A_WEEK, 'mia')])
      .when(approve(), at(NOW, MANAGER))
      .then([waived(REQUIRED.itemId, IN_A_WEEK, 'max', 'mia')]);
  });

  it('waives a blocked item whose waiver was requested', () => {
    spec
      .given([opened(), blocked(REQUIRED.itemId), waiverRequested(REQUIRED.itemId)])
      .when(approve(), at(NOW, MANAGER))
      .then([waived(REQUIRED.itemId, null, 'max', 'mia')]);
  });

  it('refuses the requester approving their own request', () => {
    spec
      .given([opened(), waiverRequested(REQUIRED.itemId, null, 'max')])
      .when(approve(), at(NOW, MANAGER))
      .thenThrows(ErrorCodes.CHECKLIST_SELF_APPROVAL);
  });

  it('refuses a request whose expiry passed while it waited', () => {
    spec
      .given([opened(), waiverRequested(REQUIRED.itemId, YESTERDAY)])
      .when(approve(), at(NOW, MANAGER))
      .thenThrows(ErrorCodes.CHECKLIST_INVALID_EXPIRY);
  });

  it.each([
    ['nothing was requested', [opened()]],
    [
      'the request was rejected',
      [opened(), waiverRequested(REQUIRED.itemId), waiverRejected(REQUIRED.itemId, 'no')],
    ],
    ['the item was ticked meanwhile', [opened(), waiverRequested(REQUIRED.itemId), ticked(REQUIRED.itemId)]],
    ['it was approved already', [opened(), waiverRequested(REQUIRED.itemId), waived(REQUIRED.itemId)]],
  ])('refuses when %s', (_case, given) => {
    spec.given(given).when(approve(), at(NOW, MANAGER)).thenThrows(ErrorCodes.CHECKLIST_WAIVER_NOT_REQUESTED);
  });

  it('refuses an unknown item and a closed checklist', () => {
    spec.given([opened()]).when(approve('nope')).thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_FOUND);
    spec
      .given([opened(), waiverRequested(REQUIRED.itemId), closed()])
      .when(approve(), at(NOW, MANAGER))
      .thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });
});

describe('RejectWaiver', () => {
  it('drops the request with the reason; the item keeps its state', () => {
    spec
      .given([opened(), waiverRequested(REQUIRED.itemId)])
      .when(rejectRequest('  Not covered by the audit '), at(NOW, MANAGER))
      .then([waiverRejected(REQUIRED.itemId, 'Not covered by the audit', 'max')]);
  });

  it('refuses without a reason', () => {
    spec
      .given([opened(), waiverRequested(REQUIRED.itemId)])
      .when(rejectRequest(' '), at(NOW, MANAGER))
      .thenThrows(ErrorCodes.CHECKLIST_INVALID_ITEM);
  });

  it('refuses when no request waits for a decision', () => {
    spec
      .given([opened()])
      .when(rejectRequest(), at(NOW, MEMBER))
      .thenThrows(ErrorCodes.CHECKLIST_WAIVER_NOT_REQUESTED);
  });
});
