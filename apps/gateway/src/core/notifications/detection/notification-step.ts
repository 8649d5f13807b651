import type { ProjectedEnvelope } from '../../read-model/projector/project-envelope';
import type { Sql } from '../../read-model/store/database';
import { detectNotifications } from '../domain/detect-notifications';
import { notifiedState, storeNotifiedState } from '../store/launch-states';
import { fanOut } from './fan-out';
import { loadLaunch } from './launch-facts';

const itemIdOf = (data: unknown): string | null => {
  const value = (data as { itemId?: unknown } | null)?.itemId;
  return typeof value === 'string' ? value : null;
};

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
    const item =
      itemId === null
        ? null
        : (loaded.checklists.flatMap((c) => c.items).find((i) => i.id === itemId) ?? null);
    const before = await notifiedState(sql, projected.launchId);
    const detection = detectNotifications({
      envelope: projected.envelope,
      before,
      after: loaded.facts,
      item,
    });
    if (JSON.stringify(before) !== JSON.stringify(detection.state))
      await storeNotifiedState(sql, projected.launchId, detection.state);
    return fanOut(sql, detection.notifications, now);
  };
}
