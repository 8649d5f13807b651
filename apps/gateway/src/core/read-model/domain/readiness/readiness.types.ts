import type { BlockerCode, ItemState } from '@tminus/contracts';

/** Why a team, a launch or a gate is not ready; fields that do not apply are null. */
export interface Blocker {
  readonly code: BlockerCode;
  readonly teamId: string | null;
  readonly teamKey: string | null;
  readonly itemId: string | null;
  readonly itemTitle: string | null;
  /** Human-readable, e.g. "QA: 'Regression suite green' is blocked: flaky env". */
  readonly message: string;
}

export interface ReadinessCounts {
  /** Required items. */
  readonly requiredItems: number;
  /** Required items DONE, or WAIVED with a waiver not expired. */
  readonly doneOrWaived: number;
  /** Required items neither done, validly waived nor blocked (expired waivers included). */
  readonly open: number;
  /** Blocked items, required or not: any block keeps the team from being ready. */
  readonly blocked: number;
  /** Items, required or not, past their due date and neither done nor validly waived. */
  readonly overdue: number;
}

export interface OverdueItem {
  readonly teamId: string;
  readonly teamKey: string | null;
  readonly checklistId: string;
  readonly itemId: string;
  readonly itemTitle: string;
  readonly required: boolean;
  readonly state: ItemState;
  readonly dueDate: string;
}

export interface TeamReadiness {
  readonly teamId: string;
  readonly teamKey: string | null;
  readonly teamName: string | null;
  /** Null while the team's checklist has not been opened yet. */
  readonly checklistId: string | null;
  readonly ready: boolean;
  /** Signed off, and no waiver the sign-off relied on has expired since. */
  readonly signedOff: boolean;
  readonly percent: number;
  readonly counts: ReadinessCounts;
  readonly overdue: readonly OverdueItem[];
  /** Exactly the reasons it is not ready: empty if and only if `ready`. */
  readonly blockers: readonly Blocker[];
}

export interface LaunchReadiness {
  readonly launchId: string;
  readonly ready: boolean;
  readonly percent: number;
  readonly counts: ReadinessCounts;
  readonly overdue: readonly OverdueItem[];
  /** Exactly the reasons it is not ready: empty if and only if `ready`. */
  readonly blockers: readonly Blocker[];
  /** One per required team, in the order they became required. */
  readonly teams: readonly TeamReadiness[];
  /** The `now` it was computed for (waiver expiries and due dates depend on it). */
  readonly computedAt: string;
}
