import { parseInstant } from '../shared/instant';
import type { ChecklistState } from './state';

export interface PendingWaiverExpiry {
  readonly itemId: string;
  readonly expiresAt: string;
}

/**
 * The waivers the scheduler must expire, soonest first (including any already past: fire those at once).
 * Put `expiresAt` into the ExpireWaiver command so a waiver replaced meanwhile is left alone.
 * A closed checklist has none: its waivers come back here when it is reopened.
 */
export const pendingWaiverExpiries = (state: ChecklistState): PendingWaiverExpiry[] => {
  if (state.status !== 'OPEN') return [];
  return state.items
    .flatMap((item) =>
      item.status.state === 'WAIVED' && item.status.expiresAt !== null
        ? [{ itemId: item.itemId, expiresAt: item.status.expiresAt }]
        : [],
    )
    .sort(
      (a, b) => (parseInstant(a.expiresAt)?.getTime() ?? 0) - (parseInstant(b.expiresAt)?.getTime() ?? 0),
    );
};
