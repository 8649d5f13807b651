import type { GateEvaluation } from '../domain';
import type { LaunchSnapshot } from './launch-snapshot';

const instant = (iso: string | null | undefined): number | null => {
  if (iso == null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

/**
 * The first instant after `nowMs` at which a snapshot's readiness can change by the clock alone: a
 * waiver lapses at its expiry (expiresAt <= now, see standingOf), an item is overdue from 1 ms after
 * its due date (dueDate < now, see isOverdue). Every item of every checklist counts, whatever its
 * state: an instant too early only costs a recomputation. Infinity when none lies ahead.
 */
export function nextTimeBoundary(snapshot: LaunchSnapshot, nowMs: number): number {
  let next = Infinity;
  for (const checklist of snapshot.checklists) {
    for (const item of checklist.items) {
      const expiry = instant(item.waiver?.expiresAt);
      if (expiry !== null && expiry > nowMs && expiry < next) next = expiry;
      const due = instant(item.dueDate);
      if (due !== null && due + 1 > nowMs && due + 1 < next) next = due + 1;
    }
  }
  return next;
}

interface CachedEvaluation {
  readonly evaluation: GateEvaluation;
  /** The `now` it was computed for, and the first instant at which it may no longer hold. */
  readonly fromMs: number;
  readonly untilMs: number;
}

/** Environments remembered per snapshot: pipelines ask about a few; a caller trying many starts over. */
const MAX_ENVIRONMENTS = 16;

/**
 * Gate evaluations of unchanged snapshots, kept until their next time boundary. A snapshot object is
 * one state of its launch (CachedSnapshots hands out the same object until the projector changes
 * that launch, then a new one), so it keys the cache and its evaluations go when it goes. Only fresh
 * evaluations are kept (a stale read model adds a reason of the moment). A hit is the kept evaluation
 * at the new `now`: evaluatedAt and readiness.computedAt are the only fields the clock sets between
 * boundaries.
 */
export class GateEvaluationCache {
  private readonly bySnapshot = new WeakMap<LaunchSnapshot, Map<string, CachedEvaluation>>();

  /** The evaluation for `now` if one computed earlier still holds; else undefined. */
  get(snapshot: LaunchSnapshot, environment: string, now: Date): GateEvaluation | undefined {
    const cached = this.bySnapshot.get(snapshot)?.get(environment);
    const nowMs = now.getTime();
    // A clock that went back is not trusted with boundaries computed ahead of it.
    if (cached === undefined || nowMs < cached.fromMs || nowMs >= cached.untilMs) return undefined;
    const at = now.toISOString();
    const { evaluation } = cached;
    return { ...evaluation, evaluatedAt: at, readiness: { ...evaluation.readiness, computedAt: at } };
  }

  set(snapshot: LaunchSnapshot, environment: string, now: Date, evaluation: GateEvaluation): void {
    let byEnvironment = this.bySnapshot.get(snapshot);
    if (byEnvironment === undefined) {
      byEnvironment = new Map();
      this.bySnapshot.set(snapshot, byEnvironment);
    } else if (byEnvironment.size >= MAX_ENVIRONMENTS && !byEnvironment.has(environment)) {
      byEnvironment.clear();
    }
    const fromMs = now.getTime();
    byEnvironment.set(environment, { evaluation, fromMs, untilMs: nextTimeBoundary(snapshot, fromMs) });
  }
}
