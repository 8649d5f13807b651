import { checkReadModel, checkStores } from './checker';
import type { Operation, OperationKind, Outcome } from './ledger';
import type { StoredEvent, StoreSnapshot } from './store-snapshot';
import { TICK_EVIDENCE_PREFIX } from './workload';

const ITEM = 'item-1';
let position = 0;

const op = (id: string, kind: OperationKind, outcome: Outcome, afterTickId?: string): Operation => ({
  id,
  kind,
  client: 0,
  gateway: 0,
  phase: 'kill -9',
  startedAt: 0,
  endedAt: 1,
  outcome,
  target: { checklistId: 'c-1', itemId: ITEM, afterTickId },
});
const event = (type: string, data: Record<string, unknown>): StoredEvent => ({
  type,
  streamId: 'c-1',
  streamPosition: ++position,
  data: { checklistId: 'c-1', itemId: ITEM, ...data },
  commandId: `cmd-${position}`,
});
const ticked = (opId: string) =>
  event('ChecklistItemTicked', { evidenceUrl: `${TICK_EVIDENCE_PREFIX}${opId}` });
const unticked = () => event('ChecklistItemUnticked', {});
const snapshot = (checklists: StoredEvent[]): StoreSnapshot => ({
  events: { teams: [], launches: [], checklists: [event('ChecklistItemAdded', {}), ...checklists] },
  duplicates: [],
});
const kinds = (ops: Operation[], events: StoredEvent[]) =>
  checkStores(ops, snapshot(events)).map((f) => `${f.kind} ${f.operation}`);

describe('the chaos checker', () => {
  const history = [op('op1', 'tickItem', 'acknowledged'), op('op2', 'untickItem', 'acknowledged', 'op1')];

  it('finds nothing when every acknowledged toggle is stored once, in order', () => {
    expect(
      kinds([...history, op('op3', 'tickItem', 'acknowledged')], [ticked('op1'), unticked(), ticked('op3')]),
    ).toEqual([]);
  });

  it('counts an acknowledged tick or untick that is not in the store as lost', () => {
    expect(kinds(history, [])).toEqual(['lost tickItem op1', 'lost untickItem op2']);
    expect(kinds(history, [ticked('op1')])).toEqual(['lost untickItem op2']);
  });

  it('counts a command applied twice as duplicated, and an unanswered one applied once as fine', () => {
    expect(kinds(history, [ticked('op1'), unticked(), ticked('op1')])).toEqual(['duplicated tickItem op1']);
    expect(kinds([op('op1', 'tickItem', 'unknown')], [ticked('op1')])).toEqual([]);
  });

  it('counts acknowledged ticks stored in another order as out of order', () => {
    const ops = [...history, op('op3', 'tickItem', 'acknowledged')];
    expect(kinds(ops, [ticked('op3'), unticked(), ticked('op1')])).toContain('out of order tickItem op3');
  });

  it('counts a refused command that left an event', () => {
    expect(kinds([op('op1', 'tickItem', 'refused')], [ticked('op1')])).toEqual([
      'unexpected refusal tickItem op1',
      'applied though refused tickItem op1',
    ]);
  });

  it('compares the read model with the last stored change of each item', () => {
    const added = { ...op('op0', 'addChecklistItem', 'acknowledged') };
    const view = (state: string) => ({
      teams: new Set<string>(),
      launches: new Map<string, Set<string>>(),
      items: new Map([[ITEM, { id: ITEM, state, evidenceUrl: `${TICK_EVIDENCE_PREFIX}op1` }]]),
    });
    const stored = snapshot([ticked('op1')]);
    expect(checkReadModel([added], stored, view('DONE'))).toEqual([]);
    expect(checkReadModel([added], stored, view('OPEN')).map((f) => f.kind)).toEqual(['read model diverges']);
  });
});
