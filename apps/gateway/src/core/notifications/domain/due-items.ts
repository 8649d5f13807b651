import type { ChecklistView, LaunchView } from '../../read-model/domain/views';

/** ITEM_DUE_SOON fires this long before the due date (product.md: 24 h). */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

export type DueKind = 'ITEM_DUE_SOON' | 'ITEM_OVERDUE';

/** One scheduled notification: fired at most once per (item, due date, kind). */
export interface DueFiring {
  readonly kind: DueKind;
  readonly launchId: string;
  readonly checklistId: string;
  readonly teamId: string;
  readonly itemId: string;
  readonly itemTitle: string;
  readonly ownerUserId: string | null;
  readonly dueDate: string;
}

/** Launches whose items no longer need chasing. */
const FINISHED: ReadonlySet<LaunchView['status']> = new Set(['CLOSED', 'CANCELLED']);

/**
 * The due-date notifications that are due at `now` for one launch's checklists: an open (not done, not
 * waived) item of an open checklist is DUE_SOON from 24 h before its due date and OVERDUE from the
 * due date on. An item found already overdue (the scheduler was down through its due-soon window) is
 * told only as overdue. Whether a firing was sent before is the caller's business (a unique key).
 */
export function dueFirings(
  launch: Pick<LaunchView, 'id' | 'status'>,
  checklists: readonly ChecklistView[],
  now: Date,
): DueFiring[] {
  if (FINISHED.has(launch.status)) return [];
  const at = now.getTime();
  const firings: DueFiring[] = [];
  for (const checklist of checklists) {
    if (checklist.status !== 'OPEN' || checklist.launchId !== launch.id) continue;
    for (const item of checklist.items) {
      if (item.dueDate === null || item.state === 'DONE' || item.state === 'WAIVED') continue;
      const due = Date.parse(item.dueDate);
      if (Number.isNaN(due) || at < due - DUE_SOON_MS) continue;
      firings.push({
        kind: at >= due ? 'ITEM_OVERDUE' : 'ITEM_DUE_SOON',
        launchId: launch.id,
        checklistId: checklist.id,
        teamId: checklist.teamId,
        itemId: item.id,
        itemTitle: item.title,
        ownerUserId: item.ownerUserId,
        dueDate: new Date(due).toISOString(),
      });
    }
  }
  return firings;
}
