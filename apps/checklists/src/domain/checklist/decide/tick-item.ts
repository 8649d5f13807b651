import { ErrorCodes, type ChecklistEvent, type DecideContext, type TickItem } from '@tminus/contracts';
import { reject } from '../../shared/reject';
import { describeItem, requireItem, requireOpenChecklist } from '../rules';
import type { ChecklistState } from '../state';

const MAX_URL_LENGTH = 2048;

const normalizeEvidenceUrl = (value: string | null | undefined): string | null => {
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
 * OPEN → DONE. A WAIVED item may be ticked too: the work got done after all, so DONE replaces the
 * waiver (and with it any pending expiry). Blocked items must be unblocked first.
 */
export const decideTickItem = (
  command: TickItem,
  state: ChecklistState,
  { now, actor }: DecideContext,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const item = requireItem(checklist, command.data.itemId);
  if (item.status.state === 'DONE')
    reject(ErrorCodes.CHECKLIST_ITEM_ALREADY_DONE, `Item ${describeItem(item)} is already done`);
  if (item.status.state === 'BLOCKED') {
    reject(
      ErrorCodes.CHECKLIST_ITEM_BLOCKED,
      `Item ${describeItem(item)} is blocked (${item.status.reason}): unblock it first`,
    );
  }
  const evidenceUrl = normalizeEvidenceUrl(command.data.evidenceUrl);
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
