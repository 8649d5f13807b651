import type { ChecklistItemView } from '../views';

/** Where an item stands at a moment: a WAIVED item whose waiver has expired no longer counts as waived. */
export type ItemStanding = 'DONE' | 'WAIVED' | 'WAIVER_EXPIRED' | 'BLOCKED' | 'OPEN';

const instant = (iso: string | null): number | null => {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

/**
 * A waiver lapses once its expiry is reached (expiresAt <= now), as the checklists service decides;
 * the read model applies it at once, before that service's `ChecklistItemWaiverExpired` arrives.
 */
export const standingOf = (item: ChecklistItemView, now: Date): ItemStanding => {
  // After the service recorded the lapse the item is OPEN again, and still says its waiver expired.
  if (item.state === 'OPEN' && item.waiver?.status === 'EXPIRED') return 'WAIVER_EXPIRED';
  if (item.state !== 'WAIVED') return item.state;
  const expiresAt = instant(item.waiver?.expiresAt ?? null);
  return expiresAt !== null && expiresAt <= now.getTime() ? 'WAIVER_EXPIRED' : 'WAIVED';
};

export const isSatisfied = (standing: ItemStanding): boolean => standing === 'DONE' || standing === 'WAIVED';

/** Past its due date (dueDate < now) and neither done nor validly waived. */
export const isOverdue = (item: ChecklistItemView, standing: ItemStanding, now: Date): boolean => {
  const due = instant(item.dueDate);
  return due !== null && due < now.getTime() && !isSatisfied(standing);
};

/** Integer 0..100, rounded down; with nothing to count, a ready subject is 100% and any other 0%. */
export const percentOf = (doneOrWaived: number, requiredItems: number, ready: boolean): number => {
  if (requiredItems === 0) return ready ? 100 : 0;
  return Math.floor((doneOrWaived * 100) / requiredItems);
};
