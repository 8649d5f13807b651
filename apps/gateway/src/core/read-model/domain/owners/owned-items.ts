import type { ChecklistItemView, ChecklistView } from '../views';

/** An item someone owns, with the checklist it is on. */
export interface OwnedItem {
  readonly checklist: ChecklistView;
  readonly item: ChecklistItemView;
}

const STILL_TO_DO: ReadonlySet<ChecklistItemView['state']> = new Set(['OPEN', 'BLOCKED']);

const dueOrder = (due: string | null): number => (due === null ? Number.POSITIVE_INFINITY : Date.parse(due));

/** Where an item sorts (due date, title, id): also the page cursor, so items done meanwhile do not shift pages. */
export interface OwnedItemKey {
  readonly due: string | null;
  readonly title: string;
  readonly id: string;
}

export const ownedItemKey = ({ item }: OwnedItem): OwnedItemKey => ({
  due: item.dueDate,
  title: item.title,
  id: item.id,
});

export const compareOwnedKeys = (a: OwnedItemKey, b: OwnedItemKey): number =>
  dueOrder(a.due) - dueOrder(b.due) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/**
 * The open items `userId` owns (neither done nor waived, on open checklists), soonest due first; items
 * without a due date come last, ties by title then id so pages are stable.
 */
export const openItemsOwnedBy = (checklists: readonly ChecklistView[], userId: string): OwnedItem[] =>
  checklists
    .filter((checklist) => checklist.status === 'OPEN')
    .flatMap((checklist) =>
      checklist.items
        .filter((item) => item.ownerUserId === userId && STILL_TO_DO.has(item.state))
        .map((item) => ({ checklist, item })),
    )
    .sort((a, b) => compareOwnedKeys(ownedItemKey(a), ownedItemKey(b)));
