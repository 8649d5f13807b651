import { LRUCache } from 'lru-cache';
import type { ReadModelChanges } from '../../feed/launch-changes';
import type { LaunchSnapshot } from '../../read-model/queries/launch-snapshot';

/** Where snapshots come from when not cached (the gateway's ReadModelQueries). */
export interface SnapshotSource {
  launchSnapshot(idOrKey: string): Promise<LaunchSnapshot | null>;
}

/**
 * Launches kept by default: the launches pipelines are checking right now. A snapshot holds its
 * checklists' parsed views (tens of KB on a big launch), so the count stays small enough that memory
 * does not grow with the number of launches (issue #12's S5); a launch beyond it is read again.
 */
export const DEFAULT_MAX_SNAPSHOTS = 256;

/**
 * Gate snapshots (a launch, its checklists and teams) kept in memory and dropped by the read model's
 * change feed, so a gate check costs no SQL and no JSON parse while its launch does not change.
 * Freshness is the projector's: a cached snapshot is as fresh as this instance's projection, which is
 * what the gate's staleness check (core/gates/staleness) measures, exactly as for a read from the
 * database. A read that raced with a change of its launch is answered but not kept (epochs below).
 * Unknown launches are never kept (one may be created under that key at any moment).
 * A kept snapshot keeps the read model's position of its read: the launch's state at that position is
 * the current one, since nothing that concerns it was projected since.
 */
export class CachedSnapshots implements SnapshotSource {
  private readonly byId: LRUCache<string, LaunchSnapshot>;
  /** A ref (key or id) as asked → the launch id (keys never change). */
  private readonly idOfRef: LRUCache<string, string>;
  /** Bumped at every change; each launch remembers the epoch of its last change. */
  private epoch = 0;
  private clearedAt = 0;
  private readonly changedAt: LRUCache<string, number>;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly source: SnapshotSource,
    changes: ReadModelChanges,
    max: number = DEFAULT_MAX_SNAPSHOTS,
  ) {
    this.byId = new LRUCache({ max });
    this.idOfRef = new LRUCache({ max: 2 * max });
    // Remembered longer than snapshots: a forgotten change epoch would let a racing read be kept.
    this.changedAt = new LRUCache({ max: 8 * max });
    this.unsubscribe = changes((launchId) => this.changed(launchId));
  }

  async launchSnapshot(idOrKey: string): Promise<LaunchSnapshot | null> {
    // The projector tells its listeners in one synchronous loop: a listener that asks for a gate (the
    // GitHub reviewer) must not read the cache before this one heard of the same change.
    await Promise.resolve();
    const id = this.idOfRef.get(idOrKey);
    const cached = id === undefined ? undefined : this.byId.get(id);
    if (cached) return cached;
    const started = this.epoch;
    const snapshot = await this.source.launchSnapshot(idOrKey);
    if (snapshot !== null && this.unchangedSince(snapshot.launch.id, started)) {
      this.idOfRef.set(idOrKey, snapshot.launch.id);
      this.byId.set(snapshot.launch.id, snapshot);
    }
    return snapshot;
  }

  /** Stops listening to the change feed. */
  close(): void {
    this.unsubscribe();
  }

  private changed(launchId: string | null): void {
    this.epoch += 1;
    if (launchId === null) {
      this.clearedAt = this.epoch;
      this.byId.clear();
      return;
    }
    this.changedAt.set(launchId, this.epoch);
    this.byId.delete(launchId);
  }

  private unchangedSince(launchId: string, epoch: number): boolean {
    // A launch's change epoch is evicted only after 8 × max other launches changed: far longer than a read.
    return this.clearedAt <= epoch && (this.changedAt.get(launchId) ?? 0) <= epoch;
  }
}
