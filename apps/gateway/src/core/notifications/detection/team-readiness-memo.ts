import { LRUCache } from 'lru-cache';
import { computeTeamReadiness, type TeamReadiness } from '../../read-model/domain';
import type { ChecklistView, TeamView } from '../../read-model/domain/views';

interface Memo {
  readonly checklist: ChecklistView;
  readonly team: TeamView | null;
  /** The instants (ms) between which every item's standing and lateness stay what they were. */
  readonly from: number;
  readonly until: number;
  readonly readiness: TeamReadiness;
}

/**
 * By checklist id, for that exact checklist object (stored views are frozen: one object, one content).
 * Not a WeakMap by object: its ephemerons made garbage collection cost more than the memo saved.
 */
const memos = new LRUCache<string, Memo>({ max: 2_000 });

const instant = (iso: string | null | undefined): number | null => {
  if (iso === null || iso === undefined) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

/**
 * The first instant after `at` at which a team's readiness may change with no event: a waiver lapses
 * at its expiry (expiresAt <= now), an item is late once its due date is passed (dueDate < now).
 * Mirrors `standingOf` and `isOverdue` (read-model/domain/readiness/item-standing.ts).
 */
export function nextTimeBoundary(checklist: ChecklistView, at: number): number {
  let until = Number.POSITIVE_INFINITY;
  for (const item of checklist.items) {
    if (item.state === 'WAIVED') {
      const expires = instant(item.waiver?.expiresAt);
      if (expires !== null && expires > at && expires < until) until = expires;
    }
    const due = instant(item.dueDate);
    if (due !== null && due + 1 > at && due + 1 < until) until = due + 1;
  }
  return until;
}

/**
 * `computeTeamReadiness`, remembered per checklist document until its next time boundary. Why: every
 * event of a launch recomputed the readiness of all its teams (four 250-item checklists), while an
 * event changes one checklist; the other teams' documents are the same frozen objects, so their
 * readiness is the same until the team document changes or the clock crosses a boundary.
 */
export function memoizedTeamReadiness(
  checklist: ChecklistView,
  team: TeamView | null,
  now: Date,
): TeamReadiness {
  const at = now.getTime();
  const memo = memos.get(checklist.id);
  if (
    memo !== undefined &&
    memo.checklist === checklist &&
    memo.team === team &&
    memo.from <= at &&
    at < memo.until
  )
    return memo.readiness;
  const readiness = computeTeamReadiness(checklist, team, now);
  memos.set(checklist.id, { checklist, team, from: at, until: nextTimeBoundary(checklist, at), readiness });
  return readiness;
}
