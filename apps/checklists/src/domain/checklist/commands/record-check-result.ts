import {
  CHECK_NAME,
  CHECK_STATUSES,
  ErrorCodes,
  type ChecklistEvent,
  type DecideContext,
  type RecordCheckResult,
} from '@tminus/contracts';
import { reject } from '../../shared/reject';
import { requireOpenChecklist, withdrawSignOff } from '../guards';
import type { ChecklistItem, ChecklistState, OpenChecklistState } from '../state';
import { normalizeEvidenceUrl } from './tick-item';

/**
 * A CI result for every item naming the check. Each item moves only when the result says something
 * new, so a pipeline reporting the same result twice (a retried job) changes nothing:
 * - passed: OPEN or WAIVED → DONE with the url as evidence (as a hand tick would); DONE with other
 *   evidence → the evidence is updated; a BLOCKED item stays blocked (a person blocked it).
 * - failed: DONE → OPEN with the failure recorded (a required item withdraws the sign-off); OPEN →
 *   the failure recorded (once per url); WAIVED and BLOCKED items stay as people decided.
 */
export const decideRecordCheckResult = (
  command: RecordCheckResult,
  state: ChecklistState,
  context: DecideContext,
): ChecklistEvent[] => {
  const { check, status } = command.data;
  if (!CHECK_NAME.test(check)) reject(ErrorCodes.CHECKLIST_INVALID_ITEM, `"${check}" is not a check name`);
  if (!CHECK_STATUSES.includes(status))
    reject(ErrorCodes.CHECKLIST_INVALID_ITEM, `the status must be passed or failed (got "${status}")`);
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const items = checklist.items.filter((item) => item.check === check);
  if (items.length === 0)
    reject(
      ErrorCodes.CHECK_NOT_FOUND,
      `No item of checklist ${checklist.checklistId} has the check "${check}"`,
    );
  const url = normalizeEvidenceUrl(command.data.url);
  const decideItem = status === 'passed' ? passed : failed;
  const events = items.flatMap((item) => decideItem(checklist, item, check, url, context));
  return [...events, ...signOffWithdrawal(checklist, events)];
};

function passed(
  checklist: OpenChecklistState,
  item: ChecklistItem,
  _check: string,
  url: string | null,
  { now, actor }: DecideContext,
): ChecklistEvent[] {
  const { checklistId } = checklist;
  const { itemId } = item;
  const at = now.toISOString();
  switch (item.status.state) {
    case 'BLOCKED':
      return [];
    case 'DONE':
      if (url === null || url === item.status.evidenceUrl) return [];
      return [
        {
          type: 'ChecklistItemEvidenceUpdated',
          data: { checklistId, itemId, evidenceUrl: url, by: actor.userId, at },
        },
      ];
    case 'OPEN':
    case 'WAIVED':
      return [
        {
          type: 'ChecklistItemTicked',
          data: { checklistId, itemId, by: actor.userId, at, evidenceUrl: url },
        },
      ];
  }
}

function failed(
  checklist: OpenChecklistState,
  item: ChecklistItem,
  check: string,
  url: string | null,
  { now, actor }: DecideContext,
): ChecklistEvent[] {
  const state = item.status.state;
  if (state === 'WAIVED' || state === 'BLOCKED') return [];
  if (state === 'OPEN' && item.checkFailure?.check === check && item.checkFailure.url === url) return [];
  return [
    {
      type: 'ChecklistItemCheckFailed',
      data: {
        checklistId: checklist.checklistId,
        itemId: item.itemId,
        check,
        url,
        by: actor.userId,
        at: now.toISOString(),
      },
    },
  ];
}

/** A required DONE item reopened by a failed check withdraws the sign-off, once for the whole result. */
function signOffWithdrawal(
  checklist: OpenChecklistState,
  events: readonly ChecklistEvent[],
): ChecklistEvent[] {
  const reopened = events.find(
    (event) =>
      event.type === 'ChecklistItemCheckFailed' &&
      checklist.items.some(
        (item) => item.itemId === event.data.itemId && item.required && item.status.state === 'DONE',
      ),
  );
  if (reopened?.type !== 'ChecklistItemCheckFailed') return [];
  return withdrawSignOff(checklist, 'REQUIRED_ITEM_UNTICKED', reopened.data.itemId);
}
