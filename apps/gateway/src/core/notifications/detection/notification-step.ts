import type { ProjectedEnvelope } from '../../read-model/projector/project-envelope';
import type { ChecklistItemView } from '../../read-model/domain/views';
import type { Sql } from '../../read-model/store/database';
import { detectNotifications } from '../domain/detect-notifications';
import type { NotifiedLaunchState } from '../domain/launch-state';
import { notifiedState, storeNotifiedState } from '../store/launch-states';
import { fanOut } from './fan-out';
import { loadLaunch } from './launch-facts';

const itemIdOf = (data: unknown): string | null => {
  const value = (data as { itemId?: unknown } | null)?.itemId;
  return typeof value === 'string' ? value : null;
};

const sameKeys = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((key, index) => key === b[index]);

/** Field by field: stringifying both states (a thousand blocker keys each) per event cost more. */
const sameState = (a: NotifiedLaunchState, b: NotifiedLaunchState): boolean =>
  a.ready === b.ready &&
  a.status === b.status &&
  a.support === b.support &&
  sameKeys(a.blockerKeys, b.blockerKeys);

/** Without copying every item of the launch into one array per event. */
function findItem(
  checklists: readonly { readonly items: readonly ChecklistItemView[] }[],
  itemId: string,
): ChecklistItemView | null {
  for (const checklist of checklists) {
    const found = checklist.items.find((item) => item.id === itemId);
    if (found) return found;
  }
  return null;
}

/**
 * Runs inside the projector's transaction for each newly applied launch or checklist event: detects
 * what receivers should hear, stores what was told and queues the deliveries. The projection's
 * stream position commits with them, so an event's notifications are queued exactly once, even when
 * the gateway is killed between the commit and the delivery (the outbox keeps them).
 */
export function notificationStep(clock: () => Date) {
  return async (sql: Sql, projected: ProjectedEnvelope): Promise<number> => {
    if (projected.launchId === null || (projected.kind !== 'launch' && projected.kind !== 'checklist'))
      return 0;
    const now = clock();
    const loaded = await loadLaunch(sql, projected.launchId, now);
    if (loaded === null) return 0;
    const itemId = itemIdOf(projected.envelope.data);
    const item = itemId === null ? null : findItem(loaded.checklists, itemId);
    const before = await notifiedState(sql, projected.launchId);
    const detection = detectNotifications({
      envelope: projected.envelope,
      before,
      after: loaded.facts,
      item,
    });
    if (before === null || !sameState(before, detection.state))
      await storeNotifiedState(sql, projected.launchId, detection.state);
    return fanOut(sql, detection.notifications, now);
  };
}
