import type { ChecklistEvent } from '@tminus/contracts';
import { withdrawSignOff } from './guards';
import type { ChecklistItem, OpenChecklistState, WaivedStatus } from './state';

/** Records that the item's waiver lapsed: the item is OPEN again, and a required one withdraws the sign-off. */
export const waiverLapse = (
  checklist: OpenChecklistState,
  item: ChecklistItem,
  waiver: WaivedStatus & { expiresAt: string },
): ChecklistEvent[] => [
  {
    type: 'ChecklistItemWaiverExpired',
    data: { checklistId: checklist.checklistId, itemId: item.itemId, expiredAt: waiver.expiresAt },
  },
  ...(item.required ? withdrawSignOff(checklist, 'WAIVER_EXPIRED', item.itemId) : []),
];
