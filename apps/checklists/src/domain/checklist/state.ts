import type { ChecklistItemSnapshot, TeamFunction } from '@tminus/contracts';

export interface OpenStatus {
  readonly state: 'OPEN';
}
export interface DoneStatus {
  readonly state: 'DONE';
  readonly by: string;
  readonly at: string;
  readonly evidenceUrl: string | null;
}
export interface WaivedStatus {
  readonly state: 'WAIVED';
  readonly reason: string;
  readonly requestedBy: string;
  readonly approvedBy: string;
  readonly expiresAt: string | null;
}
export interface BlockedStatus {
  readonly state: 'BLOCKED';
  readonly reason: string;
  readonly by: string;
}
export type ItemStatus = OpenStatus | DoneStatus | WaivedStatus | BlockedStatus;

/** A waiver asked for and not decided yet: the item keeps its state meanwhile. */
export interface WaiverRequest {
  readonly reason: string;
  readonly requestedBy: string;
  readonly expiresAt: string | null;
}

/** The item's CI check failed (and nothing ticked it since). */
export interface CheckFailure {
  readonly check: string;
  readonly url: string | null;
  readonly at: string;
}

export interface ChecklistItem extends Readonly<ChecklistItemSnapshot> {
  readonly ownerUserId: string | null;
  readonly status: ItemStatus;
  /** Set by ChecklistItemCheckFailed; cleared by any change of the item's state. */
  readonly checkFailure: CheckFailure | null;
  /** Cleared by the decision on it and by any change of the item's state. */
  readonly waiverRequest: WaiverRequest | null;
}

export interface SignOff {
  readonly by: string;
  readonly at: string;
}

export interface NoChecklist {
  readonly status: 'NONE';
}

interface ChecklistFields {
  readonly checklistId: string;
  readonly launchId: string;
  readonly teamId: string;
  readonly teamFunction: TeamFunction | null;
  readonly templateId: string | null;
  readonly templateVersion: number | null;
  /** The target date the checklist was opened or last reopened with, or its due dates last moved to. */
  readonly targetDate: string;
  /** In the order they were opened and added (an array: item ids never hit Object.prototype). */
  readonly items: readonly ChecklistItem[];
  /** Distinct signers since the last withdrawal, in the order they signed. */
  readonly signOffs: readonly SignOff[];
  /** Signed off once this many distinct LEADs signed. */
  readonly signOffsRequired: number;
}

export interface OpenChecklistState extends ChecklistFields {
  readonly status: 'OPEN';
}

/** Its team was released or the launch cancelled; reopened (with its items) if the team is required again. */
export interface ClosedChecklistState extends ChecklistFields {
  readonly status: 'CLOSED';
}

export type ExistingChecklist = OpenChecklistState | ClosedChecklistState;
export type ChecklistState = NoChecklist | ExistingChecklist;

export const initialChecklistState = (): ChecklistState => ({ status: 'NONE' });

export const findItem = (checklist: ExistingChecklist, itemId: string): ChecklistItem | undefined =>
  checklist.items.find((item) => item.itemId === itemId);

/** Signed off: as many distinct leads signed as the launch asked for. */
export const isSignedOff = (checklist: ExistingChecklist): boolean =>
  checklist.signOffs.length >= checklist.signOffsRequired;
