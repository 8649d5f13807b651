import type { EventEnvelope, SupportStatus } from '@tminus/contracts';
import { checklistsOfLaunch, replayEvents, teamsOfLaunch } from '../projection/read-model-state';
import { computeLaunchReadiness } from '../readiness/launch-readiness';
import type { LaunchReadiness } from '../readiness/readiness.types';
import { supportStatus } from '../support/support-status';
import type { ChecklistView, LaunchView, TeamView } from '../views';

export interface LaunchAsOf {
  readonly at: string;
  readonly launch: LaunchView;
  /** The launch's checklists as they were, closed ones included. */
  readonly checklists: readonly ChecklistView[];
  /** The teams required at that moment, as they were (those already created). */
  readonly teams: readonly TeamView[];
  /** Computed for `now = at`: waivers and due dates are judged at that moment too. */
  readonly readiness: LaunchReadiness;
  readonly support: SupportStatus;
}

/**
 * The events that had happened by `at`: per stream, in stream order, up to the first one that
 * occurred after `at` (a prefix, so a clock step back inside a stream cannot leave a hole).
 */
export const eventsUpTo = (envelopes: Iterable<EventEnvelope>, at: Date): EventEnvelope[] => {
  const byStream = new Map<string, EventEnvelope[]>();
  for (const envelope of envelopes) {
    const stream = byStream.get(envelope.streamId) ?? [];
    stream.push(envelope);
    byStream.set(envelope.streamId, stream);
  }
  const cutoff = at.getTime();
  return [...byStream.values()].flatMap((stream) => {
    const ordered = [...stream].sort((a, b) => a.streamPosition - b.streamPosition);
    const after = ordered.findIndex((envelope) => Date.parse(envelope.occurredAt) > cutoff);
    return after === -1 ? ordered : ordered.slice(0, after);
  });
};

/**
 * A launch as it was at `at`, replayed from its events: the caller passes the launch's stream, its
 * checklists' streams and its teams' streams (any order; other events are harmless). Null when the
 * launch did not exist yet at that moment.
 */
export const launchAsOf = (
  launchId: string,
  envelopes: Iterable<EventEnvelope>,
  at: Date,
): LaunchAsOf | null => {
  const state = replayEvents(eventsUpTo(envelopes, at));
  const launch = state.launches.get(launchId);
  if (launch === undefined) return null;
  const checklists = checklistsOfLaunch(state, launchId);
  const teams = teamsOfLaunch(state, launch);
  return {
    at: at.toISOString(),
    launch,
    checklists,
    teams,
    readiness: computeLaunchReadiness(launch, checklists, teams, at),
    support: supportStatus(launch),
  };
};
