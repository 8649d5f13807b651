import type { Operation } from './ledger';
import type { ReadModelView } from './read-model';
import type { StoredEvent, StoreSnapshot } from './store-snapshot';
import { TICK_EVIDENCE_PREFIX } from './workload';

export type FindingKind =
  | 'lost'
  | 'duplicated'
  | 'out of order'
  | 'applied though refused'
  | 'unexpected refusal'
  | 'read model diverges';

export interface Finding {
  readonly kind: FindingKind;
  readonly phase: string;
  /** The operation (kind and id) the finding is about. */
  readonly operation: string;
  readonly evidence: string;
}

const label = (op: Operation): string => `${op.kind} ${op.id}`;
const finding = (kind: FindingKind, op: Operation, evidence: string): Finding => ({
  kind,
  phase: op.phase,
  operation: label(op),
  evidence,
});

/** Counts events matching `match` in a list. */
const count = (events: readonly StoredEvent[], match: (e: StoredEvent) => boolean): number =>
  events.filter(match).length;

/**
 * Every operation against the event stores: an acknowledged one must have caused its event exactly
 * once, an unanswered one at most once, a refused one never; an item's changes appear in the order
 * their operations were acknowledged.
 */
export function checkStores(operations: readonly Operation[], snapshot: StoreSnapshot): Finding[] {
  const findings: Finding[] = [];
  const { teams, launches, checklists } = snapshot.events;
  const expectOnce = (op: Operation, found: number, what: string): void => {
    if (op.outcome === 'acknowledged' && found === 0) findings.push(finding('lost', op, `no ${what}`));
    if (op.outcome !== 'refused' && found > 1) findings.push(finding('duplicated', op, `${found}× ${what}`));
    if (op.outcome === 'refused' && found > 0 && op.kind !== 'requireTeam')
      findings.push(finding('applied though refused', op, `${found}× ${what}`));
  };
  for (const op of operations) {
    const { teamId, launchId, itemId } = op.target;
    if (op.kind === 'createTeam' && teamId)
      expectOnce(
        op,
        count(teams, (e) => e.type === 'TeamCreated' && e.data.teamId === teamId),
        `TeamCreated ${teamId}`,
      );
    if (op.kind === 'createLaunch' && launchId)
      expectOnce(
        op,
        count(launches, (e) => e.type === 'LaunchCreated' && e.data.launchId === launchId),
        `LaunchCreated ${launchId}`,
      );
    if (op.kind === 'requireTeam' && launchId && teamId)
      expectOnce(
        op,
        count(
          launches,
          (e) => e.type === 'TeamRequired' && e.data.launchId === launchId && e.data.teamId === teamId,
        ),
        `TeamRequired ${launchId}/${teamId}`,
      );
    if (op.kind === 'addChecklistItem' && itemId)
      expectOnce(
        op,
        count(checklists, (e) => e.type === 'ChecklistItemAdded' && e.data.itemId === itemId),
        `ChecklistItemAdded ${itemId}`,
      );
  }
  findings.push(...checkItemToggles(operations, checklists));
  return findings;
}

/** Tick/untick operations of each item against that item's Ticked/Unticked events, in stream order. */
function checkItemToggles(operations: readonly Operation[], checklists: readonly StoredEvent[]): Finding[] {
  const findings: Finding[] = [];
  const eventsByItem = new Map<string, StoredEvent[]>();
  for (const event of checklists) {
    if (event.type === 'ChecklistItemAdded') continue;
    const itemId = String(event.data.itemId);
    eventsByItem.set(itemId, [...(eventsByItem.get(itemId) ?? []), event]);
  }
  const opsByItem = new Map<string, Operation[]>();
  for (const op of operations) {
    if ((op.kind !== 'tickItem' && op.kind !== 'untickItem') || !op.target.itemId) continue;
    opsByItem.set(op.target.itemId, [...(opsByItem.get(op.target.itemId) ?? []), op]);
  }
  for (const [itemId, ops] of opsByItem) {
    const events = eventsByItem.get(itemId) ?? [];
    const tickIds = events.map((e) => (e.type === 'ChecklistItemTicked' ? tickIdOf(e) : undefined));
    for (const op of ops) {
      if (op.outcome === 'refused')
        findings.push(finding('unexpected refusal', op, `${itemId}: ${op.error}`));
      if (op.kind === 'tickItem') {
        const found = tickIds.filter((id) => id === op.id).length;
        if (op.outcome === 'acknowledged' && found === 0)
          findings.push(finding('lost', op, `no ChecklistItemTicked for ${itemId}`));
        if (found > 1)
          findings.push(finding('duplicated', op, `${found}× ChecklistItemTicked for ${itemId}`));
        if (op.outcome === 'refused' && found > 0)
          findings.push(finding('applied though refused', op, `ChecklistItemTicked for ${itemId}`));
      } else if (op.outcome === 'acknowledged') {
        // The item's next change after the tick this untick undid must be an untick.
        const anchor = tickIds.indexOf(op.target.afterTickId);
        if (anchor < 0 || events[anchor + 1]?.type !== 'ChecklistItemUnticked')
          findings.push(
            finding('lost', op, `no ChecklistItemUnticked after ${op.target.afterTickId} on ${itemId}`),
          );
      }
    }
    const acknowledgedUnticks = ops.filter((o) => o.kind === 'untickItem' && o.outcome !== 'refused').length;
    const untickEvents = count(events, (e) => e.type === 'ChecklistItemUnticked');
    if (untickEvents > acknowledgedUnticks)
      findings.push(
        finding(
          'duplicated',
          ops[ops.length - 1],
          `${untickEvents} unticks of ${itemId} for ${acknowledgedUnticks} sent`,
        ),
      );
    const disorder = outOfOrder(ops, tickIds);
    if (disorder)
      findings.push(finding('out of order', disorder.op, `${itemId}: ticks applied as ${disorder.seen}`));
  }
  return findings;
}

const tickIdOf = (event: StoredEvent): string | undefined => {
  const url = event.data.evidenceUrl;
  return typeof url === 'string' && url.startsWith(TICK_EVIDENCE_PREFIX)
    ? url.slice(TICK_EVIDENCE_PREFIX.length)
    : undefined;
};

/** The first acknowledged tick whose event comes before one acknowledged earlier, if any. */
function outOfOrder(
  ops: readonly Operation[],
  tickIds: readonly (string | undefined)[],
): { op: Operation; seen: string } | undefined {
  const acknowledged = ops.filter((o) => o.kind === 'tickItem' && o.outcome === 'acknowledged');
  const positions = acknowledged.map((op) => tickIds.indexOf(op.id)).filter((p) => p >= 0);
  for (let index = 1; index < positions.length; index += 1)
    if (positions[index] < positions[index - 1])
      return { op: acknowledged[index], seen: tickIds.filter(Boolean).join(' → ') };
  return undefined;
}

/** The read model must show what the event stores hold: every created object, every item's last state. */
export function checkReadModel(
  operations: readonly Operation[],
  snapshot: StoreSnapshot,
  view: ReadModelView,
): Finding[] {
  const findings: Finding[] = [];
  const lastChange = new Map<string, StoredEvent>();
  for (const event of snapshot.events.checklists)
    if (event.type !== 'ChecklistItemAdded') lastChange.set(String(event.data.itemId), event);
  for (const op of operations) {
    if (op.outcome !== 'acknowledged') continue;
    const { teamId, launchId, itemId } = op.target;
    if (op.kind === 'createTeam' && teamId && !view.teams.has(teamId))
      findings.push(finding('read model diverges', op, `team ${teamId} missing`));
    if (op.kind === 'createLaunch' && launchId && !view.launches.has(launchId))
      findings.push(finding('read model diverges', op, `launch ${launchId} missing`));
    if (op.kind === 'requireTeam' && launchId && teamId && !view.launches.get(launchId)?.has(teamId))
      findings.push(finding('read model diverges', op, `launch ${launchId} does not require ${teamId}`));
    if (op.kind === 'addChecklistItem' && itemId) {
      const item = view.items.get(itemId);
      const last = lastChange.get(itemId);
      const expected = last?.type === 'ChecklistItemTicked' ? 'DONE' : 'OPEN';
      if (!item) findings.push(finding('read model diverges', op, `item ${itemId} missing`));
      else if (
        item.state !== expected ||
        (expected === 'DONE' && item.evidenceUrl !== last?.data.evidenceUrl)
      )
        findings.push(
          finding(
            'read model diverges',
            op,
            `item ${itemId} is ${item.state} (${item.evidenceUrl}), store says ${expected}`,
          ),
        );
    }
  }
  return findings;
}
