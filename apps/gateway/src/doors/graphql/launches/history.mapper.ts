import { toHistoryEntry, type HistoryLabels } from '../../../core/read-model/domain';
import type { LoggedEvent } from '../../../core/read-model/store/event-log';
import { encodeCursor } from '../../../core/read-model/queries/cursor';
import type { HistoryConnection, HistoryEntry } from './history.types';

/** History cursors carry the local sequence of the entry: the next page starts below it. */
const historyCursor = (seq: number): string => encodeCursor({ seq });

export const toHistoryNode = (
  event: LoggedEvent['envelope'],
  launchId: string,
  labels?: HistoryLabels,
): HistoryEntry => {
  const entry = toHistoryEntry(event, labels);
  return { ...entry, launchId, actor: entry.actor && { userId: entry.actor.userId, role: entry.actor.role } };
};

export const toHistoryConnection = (
  events: readonly LoggedEvent[],
  hasNextPage: boolean,
  launchId: string,
  labels?: HistoryLabels,
): HistoryConnection => {
  const edges = events.map((event) => ({
    cursor: historyCursor(event.seq),
    node: toHistoryNode(event.envelope, launchId, labels),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
};
