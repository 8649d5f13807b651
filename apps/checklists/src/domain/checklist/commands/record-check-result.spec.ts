import {
  ErrorCodes,
  type ChecklistEvent,
  type ChecklistItemSnapshot,
  type RecordCheckResult,
} from '@tminus/contracts';
import {
  at,
  blocked,
  CHECKLIST_ID,
  closed,
  handAdded,
  NOW,
  opened,
  OPTIONAL,
  REQUIRED,
  signedOff,
  signOffWithdrawn,
  spec,
  ticked,
  waived,
} from '../checklist.fixtures';

const PIPELINE = { userId: 'checkout deploys', role: 'PIPELINE' as const };
const RUN_1 = 'https://ci.example/runs/1';
const RUN_2 = 'https://ci.example/runs/2';

const E2E: ChecklistItemSnapshot = { ...REQUIRED, check: 'e2e-tests' };
const E2E_OPTIONAL: ChecklistItemSnapshot = { ...OPTIONAL, check: 'e2e-tests' };
const withChecks = (): ChecklistEvent => opened([E2E, E2E_OPTIONAL]);

const result = (
  status: 'passed' | 'failed',
  url: string | null = RUN_1,
  check = 'e2e-tests',
): RecordCheckResult => ({
  type: 'RecordCheckResult',
  data: { checklistId: CHECKLIST_ID, check, status, url },
});
const tickedBy = (itemId: string, evidenceUrl: string | null, by = PIPELINE.userId): ChecklistEvent => ({
  type: 'ChecklistItemTicked',
  data: { checklistId: CHECKLIST_ID, itemId, by, at: NOW.toISOString(), evidenceUrl },
});
const failedCheck = (itemId: string, url: string | null = RUN_1): ChecklistEvent => ({
  type: 'ChecklistItemCheckFailed',
  data: {
    checklistId: CHECKLIST_ID,
    itemId,
    check: 'e2e-tests',
    url,
    by: PIPELINE.userId,
    at: NOW.toISOString(),
  },
});
const evidenceUpdated = (itemId: string, evidenceUrl: string): ChecklistEvent => ({
  type: 'ChecklistItemEvidenceUpdated',
  data: { checklistId: CHECKLIST_ID, itemId, evidenceUrl, by: PIPELINE.userId, at: NOW.toISOString() },
});
const asPipeline = at(NOW, PIPELINE);

describe('RecordCheckResult', () => {
  describe('passed', () => {
    it('ticks every open item naming the check, with the url as evidence and the token as actor', () => {
      spec
        .given([withChecks()])
        .when(result('passed'), asPipeline)
        .then([tickedBy(E2E.itemId, RUN_1), tickedBy(E2E_OPTIONAL.itemId, RUN_1)]);
    });

    it('leaves items without the check alone', () => {
      spec
        .given([opened([E2E, OPTIONAL])])
        .when(result('passed'), asPipeline)
        .then([tickedBy(E2E.itemId, RUN_1)]);
    });

    it('changes nothing when reported twice', () => {
      spec
        .given([withChecks(), tickedBy(E2E.itemId, RUN_1), tickedBy(E2E_OPTIONAL.itemId, RUN_1)])
        .when(result('passed'), asPipeline)
        .then([]);
    });

    it('updates the evidence of a done item when another run passes', () => {
      spec
        .given([opened([E2E]), tickedBy(E2E.itemId, RUN_1)])
        .when(result('passed', RUN_2), asPipeline)
        .then([evidenceUpdated(E2E.itemId, RUN_2)]);
    });

    it('ticks an item reopened by a failed run (clearing the failure)', () => {
      spec
        .given([opened([E2E]), failedCheck(E2E.itemId)])
        .when(result('passed', RUN_2), asPipeline)
        .then([tickedBy(E2E.itemId, RUN_2)]);
    });

    it('ticks a waived item (the work got done after all) but never unblocks a blocked one', () => {
      spec
        .given([withChecks(), waived(E2E.itemId), blocked(E2E_OPTIONAL.itemId)])
        .when(result('passed'), asPipeline)
        .then([tickedBy(E2E.itemId, RUN_1)]);
    });
  });

  describe('failed', () => {
    it('reopens done items and withdraws the sign-off once', () => {
      spec
        .given([withChecks(), ticked(E2E.itemId), ticked(E2E_OPTIONAL.itemId), signedOff()])
        .when(result('failed'), asPipeline)
        .then([
          failedCheck(E2E.itemId),
          failedCheck(E2E_OPTIONAL.itemId),
          signOffWithdrawn('REQUIRED_ITEM_UNTICKED', E2E.itemId),
        ]);
    });

    it('keeps the sign-off when only an optional item is reopened', () => {
      spec
        .given([
          opened([REQUIRED, E2E_OPTIONAL]),
          ticked(REQUIRED.itemId),
          ticked(E2E_OPTIONAL.itemId),
          signedOff(),
        ])
        .when(result('failed'), asPipeline)
        .then([failedCheck(E2E_OPTIONAL.itemId)]);
    });

    it('records the failure on an open item, so the blocker says the check failed', () => {
      spec
        .given([opened([E2E])])
        .when(result('failed'), asPipeline)
        .then([failedCheck(E2E.itemId)]);
    });

    it('changes nothing when the same failure is reported twice', () => {
      spec
        .given([opened([E2E]), failedCheck(E2E.itemId)])
        .when(result('failed'), asPipeline)
        .then([]);
    });

    it('records a failure of another run', () => {
      spec
        .given([opened([E2E]), failedCheck(E2E.itemId, RUN_1)])
        .when(result('failed', RUN_2), asPipeline)
        .then([failedCheck(E2E.itemId, RUN_2)]);
    });

    it('leaves waived and blocked items as people decided', () => {
      spec
        .given([withChecks(), waived(E2E.itemId), blocked(E2E_OPTIONAL.itemId)])
        .when(result('failed'), asPipeline)
        .then([]);
    });
  });

  it('finds hand-added items with the check too', () => {
    spec
      .given([opened(), handAdded({ ...REQUIRED, itemId: 'item-hand', check: 'smoke' })])
      .when(result('passed', null, 'smoke'), asPipeline)
      .then([tickedBy('item-hand', null)]);
  });

  it.each([
    ['no item has the check', result('passed', RUN_1, 'lint'), ErrorCodes.CHECK_NOT_FOUND],
    ['the check is no name', result('passed', RUN_1, 'E2E tests'), ErrorCodes.CHECKLIST_INVALID_ITEM],
    ['the url is not http(s)', result('passed', 'javascript:alert(1)'), ErrorCodes.CHECKLIST_INVALID_ITEM],
  ])('refuses when %s', (_case, command, code) => {
    spec.given([withChecks()]).when(command, asPipeline).thenThrows(code);
  });

  it('refuses a status other than passed or failed', () => {
    const odd = {
      ...result('passed'),
      data: { ...result('passed').data, status: 'flaky' },
    } as unknown as RecordCheckResult;
    spec.given([withChecks()]).when(odd, asPipeline).thenThrows(ErrorCodes.CHECKLIST_INVALID_ITEM);
  });

  it('refuses on a closed checklist', () => {
    spec
      .given([withChecks(), closed()])
      .when(result('passed'), asPipeline)
      .thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });
});
