import type { EventEnvelope } from '@tminus/contracts';
import { checklistsOfLaunch, emptyReadModelState, replayEvents } from '../projection/read-model-state';
import { standingOf } from '../readiness/item-standing';

/** How many required items a launch had at a moment, and how many of them were done or validly waived. */
export interface Progress {
  readonly at: string;
  readonly required: number;
  readonly done: number;
  readonly waived: number;
}

const byStreamInOrder = (envelopes: Iterable<EventEnvelope>): EventEnvelope[][] => {
  const byStream = new Map<string, EventEnvelope[]>();
  for (const envelope of envelopes)
    byStream.set(envelope.streamId, [...(byStream.get(envelope.streamId) ?? []), envelope]);
  return [...byStream.values()].map((stream) =>
    [...stream].sort((a, b) => a.streamPosition - b.streamPosition),
  );
};

/**
 * The launch's progress at each moment (ascending), replayed from its events exactly as `launchAsOf`
 * sees them: per stream, the prefix that occurred by then. Counts the required items of the checklists
 * of the teams required at that moment (open checklists only), like readiness does.
 */
export const progressAt = (
  launchId: string,
  envelopes: Iterable<EventEnvelope>,
  moments: readonly Date[],
): Progress[] => {
  const streams = byStreamInOrder(envelopes);
  const next = streams.map(() => 0);
  let state = emptyReadModelState();
  return moments.map((moment) => {
    const batch: EventEnvelope[] = [];
    streams.forEach((stream, index) => {
      while (next[index] < stream.length && Date.parse(stream[next[index]].occurredAt) <= moment.getTime()) {
        batch.push(stream[next[index]]);
        next[index] += 1;
      }
    });
    state = replayEvents(batch, state);
    const counts = { required: 0, done: 0, waived: 0 };
    const launch = state.launches.get(launchId);
    const required = new Set(launch?.requiredTeamIds ?? []);
    for (const checklist of checklistsOfLaunch(state, launchId)) {
      if (checklist.status !== 'OPEN' || !required.has(checklist.teamId)) continue;
      for (const item of checklist.items.filter(({ required: isRequired }) => isRequired)) {
        counts.required += 1;
        const standing = standingOf(item, moment);
        if (standing === 'DONE') counts.done += 1;
        if (standing === 'WAIVED') counts.waived += 1;
      }
    }
    return { at: moment.toISOString(), ...counts };
  });
};
