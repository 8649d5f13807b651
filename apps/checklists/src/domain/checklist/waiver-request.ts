import { ErrorCodes } from '@tminus/contracts';
import { reject } from '../shared/reject';
import { describeItem } from './guards';
import type { ChecklistItem, WaiverRequest } from './state';

/** The item's waiver request waiting for a decision, or WAIVER_NOT_REQUESTED. */
export const requirePendingRequest = (item: ChecklistItem): WaiverRequest =>
  item.waiverRequest ??
  reject(
    ErrorCodes.CHECKLIST_WAIVER_NOT_REQUESTED,
    `Item ${describeItem(item)} has no waiver request waiting for a decision`,
  );
