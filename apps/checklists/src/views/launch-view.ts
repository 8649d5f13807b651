import type { EventEnvelope, LaunchEvent } from '@tminus/contracts';
import { JsonView } from '@tminus/service-kit';

/** What the checklists service knows of a launch: its target date and the teams now required. */
export interface LaunchView {
  readonly launchId: string;
  readonly targetDate: string | null;
  /** In the order they were required; a released team leaves, a re-required one comes back. */
  readonly requiredTeamIds: readonly string[];
}

export const launchViews = new JsonView<LaunchView>('launch');

const RELEVANT = new Set<string>(['LaunchCreated', 'LaunchRescheduled', 'TeamRequired', 'TeamReleased']);

export const isLaunchViewEvent = (event: EventEnvelope): event is EventEnvelope & LaunchEvent =>
  RELEVANT.has(event.type);

/** The view after one event of the launch's stream (pure). */
export function applyLaunchEvent(view: LaunchView | null, event: LaunchEvent): LaunchView {
  const current: LaunchView = view ?? {
    launchId: event.data.launchId,
    targetDate: null,
    requiredTeamIds: [],
  };
  switch (event.type) {
    case 'LaunchCreated':
    case 'LaunchRescheduled':
      return { ...current, targetDate: event.data.targetDate };
    case 'TeamRequired':
      return {
        ...current,
        targetDate: event.data.targetDate,
        requiredTeamIds: [
          ...current.requiredTeamIds.filter((id) => id !== event.data.teamId),
          event.data.teamId,
        ],
      };
    case 'TeamReleased':
      return {
        ...current,
        requiredTeamIds: current.requiredTeamIds.filter((id) => id !== event.data.teamId),
      };
    default:
      return current;
  }
}
