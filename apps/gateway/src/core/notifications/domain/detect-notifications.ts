import type { EventEnvelope, SupportStatus } from '@tminus/contracts';
import type { Blocker, LaunchReadiness } from '../../read-model/domain';
import type { ChecklistItemView, LaunchView } from '../../read-model/domain/views';
import type { NotifiedLaunchState } from './launch-state';
import type { Notification, NotificationEvent, ReadinessSummary } from './notification';
import { keyChanges } from './sorted-keys';

/** The launch after the event was applied, as the projection sees it. */
export interface LaunchFacts {
  readonly launch: Pick<LaunchView, 'id' | 'key' | 'name' | 'status'>;
  readonly readiness: Pick<LaunchReadiness, 'ready' | 'percent' | 'blockers'>;
  readonly support: SupportStatus;
}

export interface DetectionInput {
  readonly envelope: Pick<EventEnvelope, 'type' | 'data' | 'occurredAt'>;
  /** What was last told about the launch; null the first time the launch is seen. */
  readonly before: NotifiedLaunchState | null;
  readonly after: LaunchFacts;
  /** The item the event is about (waiver events), after the event; null if unknown. */
  readonly item?: Pick<ChecklistItemView, 'id' | 'title'> | null;
}

export interface Detection {
  readonly notifications: readonly Notification[];
  /** To store as the launch's `before` for the next event. */
  readonly state: NotifiedLaunchState;
}

type Change = Notification['change'];

const blockerKey = (blocker: Blocker): string =>
  `${blocker.code}:${blocker.teamId ?? ''}:${blocker.itemId ?? ''}`;

/** Sorted and without duplicates (sorted first, so duplicates are neighbours: no Set per event). */
export const blockerKeysOf = (blockers: readonly Blocker[]): string[] =>
  blockers
    .map(blockerKey)
    .sort()
    .filter((key, index, keys) => index === 0 || key !== keys[index - 1]);

/** At most this many blocker messages travel in a payload (a launch may have hundreds of open items). */
export const MAX_BLOCKERS_SENT = 50;

export const readinessSummaryOf = (readiness: LaunchFacts['readiness']): ReadinessSummary => ({
  ready: readiness.ready,
  percent: readiness.percent,
  blockerCount: readiness.blockers.length,
  blockers: readiness.blockers.slice(0, MAX_BLOCKERS_SENT).map((blocker) => blocker.message),
});

const sameKeys = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((key, index) => key === b[index]);

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The notifications the event itself stands for (one event type, one notification). */
function fromEvent(
  input: DetectionInput,
): { event: NotificationEvent; summary: string; change: Change } | null {
  const { envelope, after, item } = input;
  const data = envelope.data as Record<string, unknown>;
  const key = after.launch.key;
  const itemTitle = item?.title ?? null;
  const itemFields = { itemId: text(data.itemId), itemTitle };
  switch (envelope.type) {
    case 'GoNoGoRecorded':
      return {
        event: 'DECISION_RECORDED',
        summary: `${key}: ${text(data.decision) ?? '?'} decision recorded by ${text(data.by) ?? '?'}`,
        change: { decision: text(data.decision), notes: text(data.notes), by: text(data.by) },
      };
    case 'ChecklistItemWaiverRequested':
      return {
        event: 'WAIVER_REQUESTED',
        summary: `${key}: waiver requested for "${itemTitle ?? text(data.itemId)}" by ${text(data.requestedBy) ?? '?'}`,
        change: {
          ...itemFields,
          reason: text(data.reason),
          requestedBy: text(data.requestedBy),
          expiresAt: text(data.expiresAt),
        },
      };
    case 'ChecklistItemWaiverExpired':
      return {
        event: 'WAIVER_EXPIRED',
        summary: `${key}: the waiver of "${itemTitle ?? text(data.itemId)}" expired`,
        change: { ...itemFields, expiredAt: text(data.expiredAt) },
      };
    case 'IncidentReported':
      return {
        event: 'INCIDENT_REPORTED',
        summary: `${key}: ${text(data.severity) ?? '?'} incident reported: ${text(data.title) ?? ''}`,
        change: {
          incidentId: text(data.incidentId),
          severity: text(data.severity),
          title: text(data.title),
          by: text(data.by),
        },
      };
    default:
      return null;
  }
}

/** The changes of state since the last notification (none the first time a launch is seen). */
function fromState(
  input: DetectionInput,
  state: NotifiedLaunchState,
): { event: NotificationEvent; summary: string; change: Change }[] {
  const { before, after } = input;
  if (before === null) return [];
  const key = after.launch.key;
  const found: { event: NotificationEvent; summary: string; change: Change }[] = [];
  if (before.ready !== state.ready || !sameKeys(before.blockerKeys, state.blockerKeys)) {
    const { added, removed } = keyChanges(before.blockerKeys, state.blockerKeys);
    const flipped = before.ready !== state.ready;
    found.push({
      event: 'READINESS_CHANGED',
      summary: flipped
        ? `${key} is ${state.ready ? 'ready' : 'not ready'} (${after.readiness.percent}%)`
        : `${key}: blockers changed (${after.readiness.blockers.length} now, ${after.readiness.percent}%)`,
      change: {
        readyBefore: before.ready,
        ready: state.ready,
        blockersAdded: added,
        blockersRemoved: removed,
      },
    });
  }
  if (before.status !== state.status) {
    found.push({
      event: 'LAUNCH_STATUS_CHANGED',
      summary: `${key}: ${before.status} → ${state.status}`,
      change: { from: before.status, to: state.status },
    });
  }
  if (before.support !== state.support) {
    found.push({
      event: 'SUPPORT_STATUS_CHANGED',
      summary: `${key}: support ${before.support} → ${state.support}`,
      change: { from: before.support, to: state.support },
    });
  }
  return found;
}

/**
 * What one applied event means for receivers. Pure: the projection gives the launch after the event
 * and what was last told; the caller stores `state` in the same transaction as the outbox rows.
 */
export function detectNotifications(input: DetectionInput): Detection {
  const { after } = input;
  const state: NotifiedLaunchState = {
    ready: after.readiness.ready,
    blockerKeys: blockerKeysOf(after.readiness.blockers),
    status: after.launch.status,
    support: after.support,
  };
  const event = fromEvent(input);
  const found = [...(event ? [event] : []), ...fromState(input, state)];
  const readiness = readinessSummaryOf(after.readiness);
  const notifications = found.map((entry): Notification => ({
    ...entry,
    launchId: after.launch.id,
    launchKey: after.launch.key,
    launchName: after.launch.name,
    occurredAt: input.envelope.occurredAt,
    readiness,
  }));
  return { notifications, state };
}
