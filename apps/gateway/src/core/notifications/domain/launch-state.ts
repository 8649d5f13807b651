import type { LaunchStatus, SupportStatus } from '@tminus/contracts';

/**
 * What was last told about a launch: READINESS_CHANGED, LAUNCH_STATUS_CHANGED and
 * SUPPORT_STATUS_CHANGED compare against it (not against the event), so a redelivered event or a
 * restart never announces the same change twice.
 */
export interface NotifiedLaunchState {
  readonly ready: boolean;
  /** Sorted stable blocker keys (`code:team:item`): messages may be reworded, keys are not. */
  readonly blockerKeys: readonly string[];
  readonly status: LaunchStatus;
  readonly support: SupportStatus;
}
