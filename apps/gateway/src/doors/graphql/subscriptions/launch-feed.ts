import type { Logger } from 'pino';
import type { ProjectedEnvelope } from '../../../core/read-model/projector/project-envelope';
import { readinessOf } from '../../../core/read-model/queries/gate-evaluator';
import type { LaunchSnapshot } from '../../../core/read-model/queries/launch-snapshot';
import type { ReadModelQueries } from '../../../core/read-model/queries/read-model-queries';
import { snapshotLabels } from '../../../core/read-model/queries/snapshot-labels';
import { KeyedLock } from '@tminus/event-store';
import type { Clock } from '../../../core/clock';
import { toHistoryNode } from '../launches/history.mapper';
import type { HistoryEntry } from '../launches/history.types';
import { toReadiness } from '../launches/readiness.mapper';
import { PushIterator } from './push-iterator';
import type { ReadinessChange } from './subscription.types';

/** Event ids remembered to skip redeliveries (a client must not hear the same event twice). */
const RECENT_EVENTS = 10_000;

/**
 * This instance's pub/sub for subscriptions, fed by its own projector. Every instance projects every
 * event (its own consumer group), so each one notifies its own clients: no shared pub/sub is needed.
 * Notifications of one launch run one at a time, so its changes arrive in order.
 */
export class LaunchFeed {
  private readonly readinessSubscribers = new Map<string, Set<PushIterator<ReadinessChange>>>();
  private readonly activitySubscribers = new Map<string, Set<PushIterator<HistoryEntry>>>();
  private readonly recent = new Set<string>();
  /** One notification at a time per launch: its changes arrive in order, other launches alongside. */
  private readonly turns = new KeyedLock();

  constructor(
    private readonly queries: ReadModelQueries,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** The projector's listener. */
  readonly observe = (projected: ProjectedEnvelope): void => {
    const { launchId, envelope } = projected;
    if (launchId === null || this.seen(envelope.id)) return;
    const interested = this.readinessSubscribers.has(launchId) || this.activitySubscribers.has(launchId);
    if (!interested) return;
    void this.turns
      .run(launchId, () => this.announce(projected, launchId))
      .catch((error: unknown) => {
        this.logger.error({ err: error, launchId, eventId: envelope.id }, 'could not notify subscribers');
      });
  };

  /** Readiness of one launch: first the current one, then one after every event that concerns it. */
  async readinessChanges(launchId: string): Promise<AsyncIterableIterator<ReadinessChange>> {
    const iterator = this.subscribe(this.readinessSubscribers, launchId);
    const snapshot = await this.queries.launchSnapshot(launchId);
    if (snapshot) iterator.push(this.changeOf(snapshot));
    return iterator;
  }

  /** A launch's history entries as they happen. */
  activity(launchId: string): AsyncIterableIterator<HistoryEntry> {
    return this.subscribe(this.activitySubscribers, launchId);
  }

  /** Open subscriptions: of one launch or of all, of one kind or both. */
  subscriberCount(launchId?: string, kind?: 'readiness' | 'activity'): number {
    const registries = [
      ...(kind !== 'activity' ? [this.readinessSubscribers] : []),
      ...(kind !== 'readiness' ? [this.activitySubscribers] : []),
    ];
    return registries.reduce(
      (sum, registry) =>
        sum +
        (launchId === undefined
          ? [...registry.values()].reduce((total, subscribers) => total + subscribers.size, 0)
          : (registry.get(launchId)?.size ?? 0)),
      0,
    );
  }

  /** Ends every subscription (the gateway is shutting down). */
  closeAll(): void {
    for (const subscribers of [...this.readinessSubscribers.values(), ...this.activitySubscribers.values()]) {
      for (const iterator of [...subscribers]) iterator.close();
    }
  }

  private subscribe<Value>(
    registry: Map<string, Set<PushIterator<Value>>>,
    launchId: string,
  ): PushIterator<Value> {
    const subscribers = registry.get(launchId) ?? new Set<PushIterator<Value>>();
    registry.set(launchId, subscribers);
    const iterator = new PushIterator<Value>(() => {
      subscribers.delete(iterator);
      if (subscribers.size === 0 && registry.get(launchId) === subscribers) registry.delete(launchId);
    });
    subscribers.add(iterator);
    return iterator;
  }

  private async announce({ envelope }: ProjectedEnvelope, launchId: string): Promise<void> {
    const snapshot = await this.queries.launchSnapshot(launchId);
    if (snapshot === null) return;
    const activity = this.activitySubscribers.get(launchId);
    if (activity && activity.size > 0) {
      const entry = toHistoryNode(envelope, launchId, snapshotLabels(snapshot));
      for (const iterator of activity) iterator.push(entry);
    }
    const readiness = this.readinessSubscribers.get(launchId);
    if (readiness && readiness.size > 0) {
      const change = this.changeOf(snapshot);
      for (const iterator of readiness) iterator.push(change);
    }
  }

  private changeOf(snapshot: LaunchSnapshot): ReadinessChange {
    return {
      launchId: snapshot.launch.id,
      launchKey: snapshot.launch.key,
      status: snapshot.launch.status,
      readiness: toReadiness(readinessOf(snapshot, this.clock.now())),
      position: snapshot.position,
    };
  }

  /** True when this instance announced the event already; remembers it otherwise. */
  private seen(eventId: string): boolean {
    if (this.recent.has(eventId)) return true;
    this.recent.add(eventId);
    if (this.recent.size > RECENT_EVENTS) this.recent.delete(this.recent.values().next().value as string);
    return false;
  }
}
