import type { Actor, EventEnvelope } from '@tminus/contracts';
import { asChecklistEvent, asLaunchEvent, asTeamEvent, asTemplateEvent } from '../projection/event-kinds';
import { summarizeChecklistEvent, summarizeTeamEvent, summarizeTemplateEvent } from './checklist-summaries';
import { namer, type HistoryLabels, type Namer } from './history-labels';
import { summarizeLaunchEvent } from './launch-summaries';

export interface HistoryEntry {
  readonly id: string;
  readonly type: string;
  /** When it happened (the envelope's `occurredAt`). */
  readonly at: string;
  readonly actor: Actor | null;
  readonly streamId: string;
  /** One line for people, e.g. "QA: 'Regression suite green' done by alice". */
  readonly summary: string;
}

/** "SomeNewEvent" → "Some new event": unknown or future types still read as words. */
const typeAsWords = (type: string): string => {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const summarize = (envelope: EventEnvelope, names: Namer): string => {
  const launchEvent = asLaunchEvent(envelope);
  if (launchEvent) return summarizeLaunchEvent(launchEvent, names);
  const checklistEvent = asChecklistEvent(envelope);
  if (checklistEvent) return summarizeChecklistEvent(checklistEvent, names);
  const teamEvent = asTeamEvent(envelope);
  if (teamEvent) return summarizeTeamEvent(teamEvent);
  const templateEvent = asTemplateEvent(envelope);
  if (templateEvent) return summarizeTemplateEvent(templateEvent);
  // Changes the gateway records itself (tokens, mappings) carry their own summary.
  const own = (envelope.data as { summary?: unknown } | null)?.summary;
  return typeof own === 'string' ? own : typeAsWords(envelope.type);
};

/** One history line per event (the caller orders them, newest first). */
export const toHistoryEntry = (envelope: EventEnvelope, labels: HistoryLabels = {}): HistoryEntry => ({
  id: envelope.id,
  type: envelope.type,
  at: envelope.occurredAt,
  actor: envelope.actor ?? null,
  streamId: envelope.streamId,
  summary: summarize(envelope, namer(labels)),
});

/** Newest first: by time, then (same stream) by position, so same-millisecond events keep their order. */
export const newestFirst = (a: EventEnvelope, b: EventEnvelope): number =>
  Date.parse(b.occurredAt) - Date.parse(a.occurredAt) ||
  (a.streamId === b.streamId ? b.streamPosition - a.streamPosition : 0);
