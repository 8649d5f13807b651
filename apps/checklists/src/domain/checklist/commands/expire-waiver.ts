import { ErrorCodes, type ChecklistEvent, type DecideContext, type ExpireWaiver } from '@tminus/contracts';
import { sameInstant } from '../../shared/instant';
import { reject } from '../../shared/reject';
import { describeItem, hasLapsed, requireItem, requireOpenChecklist } from '../guards';
import type { ChecklistState } from '../state';
import { waiverLapse } from '../waiver-lapse';

/**
 * The scheduler's command once a waiver's expiry has passed. The waiver may have gone (ticked, revoked,
 * blocked, renewed) since it was scheduled: that is a no-op, not an error. A waiver that has not
 * lapsed yet (an early timer) is refused, so the scheduler keeps its timer.
 */
export const decideExpireWaiver = (
  command: ExpireWaiver,
  state: ChecklistState,
  { now }: DecideContext,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  const item = requireItem(checklist, command.data.itemId);
  const { status } = item;
  if (status.state !== 'WAIVED' || status.expiresAt === null) return [];
  const scheduledFor = command.data.expiresAt;
  if (scheduledFor != null && !sameInstant(scheduledFor, status.expiresAt)) return [];
  if (!hasLapsed(status, now)) {
    reject(
      ErrorCodes.CHECKLIST_WAIVER_NOT_EXPIRED,
      `The waiver of item ${describeItem(item)} expires at ${status.expiresAt}, not yet (now: ${now.toISOString()})`,
    );
  }
  return waiverLapse(checklist, item, { ...status, expiresAt: status.expiresAt });
};
