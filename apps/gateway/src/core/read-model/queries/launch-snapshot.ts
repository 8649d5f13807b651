import type { ChecklistView, LaunchView, TeamView } from '../domain';

/** A launch with everything its readiness depends on, read from one consistent state. */
export interface LaunchSnapshot {
  readonly launch: LaunchView;
  /** Its checklists, closed ones included. */
  readonly checklists: readonly ChecklistView[];
  /** The teams it requires, as far as they are known. */
  readonly teams: readonly TeamView[];
  /** The read model's position (last local event sequence) when it was read. */
  readonly position: string;
  /** Set when the snapshot is a replay "as of" that moment rather than the current state. */
  readonly asOf?: string;
}
