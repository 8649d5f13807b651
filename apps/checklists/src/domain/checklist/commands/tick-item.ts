import {
  ErrorCodes,
  INPUT_LIMITS,
  type ChecklistEvent,
  type DecideContext,
  type TickItem,
} from '@tminus/contracts';
import { reject } from '../../shared/reject';
import { describeItem, requireItem, requireOpenChecklist } from '../guards';
import type { ChecklistItem, ChecklistState, DoneStatus, OpenChecklistState } from '../state';

const MAX_URL_LENGTH = INPUT_LIMITS.evidenceUrl;

export const normalizeEvidenceUrl = (value: string | null | undefined): string | null => {
  if (value == null) return null;
  const invalid = (): never =>
    reject(ErrorCodes.CHECKLIST_INVALID_ITEM, `The evidence URL "${value}" is not an http(s) URL`);
  if (value.length > MAX_URL_LENGTH) invalid();
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return invalid();
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') invalid();
  return url.href;
};

/**
 * A DONE item ticked again (automation retrying, or evidence that moved): the same or no evidence
 * changes nothing; new evidence is recorded as an update, and the item stays DONE (sign-off kept).
 */
const retick = (
  checklist: OpenChecklistState,
  item: ChecklistItem,
  done: DoneStatus,
  evidenceUrl: string | null,
  { now, actor }: DecideContext,
): ChecklistEvent[] => {
  if (evidenceUrl === null || evidenceUrl === done.evidenceUrl) return [];
  const { checklistId } = checklist;
  const at = now.toISOString();
  return [
    {
      type: 'ChecklistItemEvidenceUpdated',
      data: { checklistId, itemId: item.itemId, evidenceUrl, by: actor.userId, at },
    },
  ];
};

/**
 * OPEN → DONE. A WAIVED item may be ticked too: the work got done after all, so DONE replaces the
 * waiver (and with it any pending expiry). Blocked items must be unblocked first. Ticking a DONE item
 * again is idempotent (see retick).
 */
export const decideTickItem = (
  command: TickItem,
  state: ChecklistState,
  context: DecideContext,
): ChecklistEvent[] => {
  const { now, actor } = context;
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const item = requireItem(checklist, command.data.itemId);
  if (item.status.state === 'BLOCKED') {
    reject(
      ErrorCodes.CHECKLIST_ITEM_BLOCKED,
      `Item ${describeItem(item)} is blocked (${item.status.reason}): unblock it first`,
    );
  }
  const evidenceUrl = normalizeEvidenceUrl(command.data.evidenceUrl);
  if (item.status.state === 'DONE') return retick(checklist, item, item.status, evidenceUrl, context);
  return [
    {
      type: 'ChecklistItemTicked',
      data: {
        checklistId: checklist.checklistId,
        itemId: item.itemId,
        by: actor.userId,
        at: now.toISOString(),
        evidenceUrl,
      },
    },
  ];
};
