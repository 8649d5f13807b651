import type { ChecklistEvent } from '@tminus/contracts';
import { envelopeFactory } from '../testing/envelope-factory';
import { checklistEvents as C, item, LAUNCH_ID, QA_CHECKLIST, QA_ID, TARGET_DATE } from '../testing/events';
import type { ChecklistItemView, ChecklistView } from '../views';
import { applyChecklistEvent } from './checklist.reducer';

const REQUIRED = item('i-1', {
  title: 'Regression suite green',
  dueDate: '2026-02-20T00:00:00.000Z',
  dueDaysBeforeLaunch: 9,
});
const OPTIONAL = item('i-2', { required: false });

const project = (...events: ChecklistEvent[]): ChecklistView => {
  const envelope = envelopeFactory();
  const view = [C.opened(QA_CHECKLIST, QA_ID, [REQUIRED, OPTIONAL]), ...events].reduce<ChecklistView | null>(
    (current, event) => applyChecklistEvent(current, envelope(QA_CHECKLIST, event)),
    null,
  );
  if (view === null) throw new Error('checklist not projected');
  return view;
};
const itemOf = (view: ChecklistView, itemId = REQUIRED.itemId): ChecklistItemView => {
  const found = view.items.find(({ id }) => id === itemId);
  if (!found) throw new Error(`no item ${itemId}`);
  return found;
};
const OPEN_DETAILS = {
  doneBy: null,
  doneAt: null,
  evidenceUrl: null,
  waiver: null,
  blockedReason: null,
  blockedBy: null,
  checkFailure: null,
};

describe('applyChecklistEvent', () => {
  it('opens the checklist with its items OPEN', () => {
    const view = project();
    expect(view).toMatchObject({
      id: QA_CHECKLIST,
      launchId: LAUNCH_ID,
      teamId: QA_ID,
      teamFunction: 'QA',
      templateId: 'template-qa',
      templateVersion: 1,
      targetDate: TARGET_DATE,
      status: 'OPEN',
      closedReason: null,
      signOffs: [],
      signOffsRequired: 1,
      version: 1,
    });
    expect(itemOf(view)).toEqual({
      id: 'i-1',
      title: 'Regression suite green',
      description: null,
      required: true,
      state: 'OPEN',
      dueDate: '2026-02-20T00:00:00.000Z',
      dueDaysBeforeLaunch: 9,
      ownerUserId: null,
      check: null,
      ...OPEN_DETAILS,
    });
    expect(view.items.map(({ id }) => id)).toEqual(['i-1', 'i-2']);
  });

  it('ignores events of a checklist never opened', () => {
    expect(
      applyChecklistEvent(null, envelopeFactory()(QA_CHECKLIST, C.ticked(QA_CHECKLIST, 'i-1'))),
    ).toBeNull();
  });

  it('ticks with who, when and evidence, and unticks back to OPEN', () => {
    const ticked = project(C.ticked(QA_CHECKLIST, 'i-1', 'https://ci/run/1'));
    expect(itemOf(ticked)).toMatchObject({
      state: 'DONE',
      doneBy: 'quinn',
      doneAt: '2026-02-01T00:00:00.000Z',
      evidenceUrl: 'https://ci/run/1',
    });
    expect(itemOf(project(C.ticked(QA_CHECKLIST, 'i-1'), C.unticked(QA_CHECKLIST, 'i-1')))).toMatchObject({
      state: 'OPEN',
      ...OPEN_DETAILS,
    });
  });

  it('keeps a requested waiver on the item, still OPEN, until it is approved or rejected', () => {
    const requested = project(C.waiverRequested(QA_CHECKLIST, 'i-1'));
    expect(itemOf(requested)).toMatchObject({
      state: 'OPEN',
      waiver: { status: 'REQUESTED', requestedBy: 'quinn', approvedBy: null, reason: 'covered by canary' },
    });
    const rejected = project(C.waiverRequested(QA_CHECKLIST, 'i-1'), C.waiverRejected(QA_CHECKLIST, 'i-1'));
    expect(itemOf(rejected)).toMatchObject({
      state: 'OPEN',
      waiver: { status: 'REJECTED', rejectionReason: 'not covered' },
    });
  });

  it('waives with the approved waiver, and revoking or expiring it reopens the item saying so', () => {
    const waived = project(
      C.waiverRequested(QA_CHECKLIST, 'i-1', '2026-02-15T00:00:00.000Z'),
      C.waived(QA_CHECKLIST, 'i-1', '2026-02-15T00:00:00.000Z'),
    );
    expect(itemOf(waived)).toMatchObject({
      state: 'WAIVED',
      waiver: {
        status: 'APPROVED',
        reason: 'covered by canary',
        requestedBy: 'quinn',
        approvedBy: 'max',
        expiresAt: '2026-02-15T00:00:00.000Z',
      },
    });
    const revoked = project(C.waived(QA_CHECKLIST, 'i-1'), {
      type: 'ChecklistItemWaiverRevoked',
      data: { checklistId: QA_CHECKLIST, itemId: 'i-1', by: 'max' },
    });
    expect(itemOf(revoked)).toMatchObject({ state: 'OPEN', waiver: { status: 'REVOKED' } });
    const expired = project(C.waived(QA_CHECKLIST, 'i-1', '2026-02-15T00:00:00.000Z'), {
      type: 'ChecklistItemWaiverExpired',
      data: { checklistId: QA_CHECKLIST, itemId: 'i-1', expiredAt: '2026-02-15T00:00:00.000Z' },
    });
    expect(itemOf(expired)).toMatchObject({ state: 'OPEN', waiver: { status: 'EXPIRED' } });
  });

  it('blocks with a reason (replacing a waiver) and unblocks', () => {
    const blocked = project(C.waived(QA_CHECKLIST, 'i-1'), C.blocked(QA_CHECKLIST, 'i-1', 'flaky env'));
    expect(itemOf(blocked)).toMatchObject({
      state: 'BLOCKED',
      blockedReason: 'flaky env',
      blockedBy: 'quinn',
      waiver: null,
    });
    const unblocked = project(C.blocked(QA_CHECKLIST, 'i-1'), {
      type: 'ChecklistItemUnblocked',
      data: { checklistId: QA_CHECKLIST, itemId: 'i-1', by: 'quinn' },
    });
    expect(itemOf(unblocked)).toMatchObject({ state: 'OPEN', ...OPEN_DETAILS });
  });

  it('adds items by hand (once) and assigns owners', () => {
    const added: ChecklistEvent = {
      type: 'ChecklistItemAdded',
      data: { checklistId: QA_CHECKLIST, ...item('i-3') },
    };
    const view = project(added, added, {
      type: 'ChecklistItemOwnerAssigned',
      data: { checklistId: QA_CHECKLIST, itemId: 'i-3', ownerUserId: 'olga' },
    });
    expect(view.items.map(({ id }) => id)).toEqual(['i-1', 'i-2', 'i-3']);
    expect(itemOf(view, 'i-3')).toMatchObject({ state: 'OPEN', ownerUserId: 'olga', required: true });
  });

  it('updates the evidence of a done item, which stays done', () => {
    const updated = project(C.ticked(QA_CHECKLIST, 'i-1', 'https://ci/1'), {
      type: 'ChecklistItemEvidenceUpdated',
      data: { checklistId: QA_CHECKLIST, itemId: 'i-1', evidenceUrl: 'https://ci/2', by: 'quinn', at: 'E' },
    });
    expect(itemOf(updated)).toMatchObject({ state: 'DONE', doneBy: 'quinn', evidenceUrl: 'https://ci/2' });
  });

  it('reopens an item whose CI check failed, saying which and where, until it is ticked again', () => {
    const checkFailed: ChecklistEvent = {
      type: 'ChecklistItemCheckFailed',
      data: {
        checklistId: QA_CHECKLIST,
        itemId: 'i-1',
        check: 'e2e',
        url: 'https://ci/2',
        by: 'ci',
        at: 'E',
      },
    };
    const failed = project(C.ticked(QA_CHECKLIST, 'i-1', 'https://ci/1'), checkFailed);
    expect(itemOf(failed)).toMatchObject({
      state: 'OPEN',
      doneBy: null,
      evidenceUrl: null,
      checkFailure: { check: 'e2e', url: 'https://ci/2', by: 'ci', at: 'E' },
    });
    const fixed = project(checkFailed, C.ticked(QA_CHECKLIST, 'i-1', 'https://ci/3'));
    expect(itemOf(fixed)).toMatchObject({ state: 'DONE', checkFailure: null });
  });

  it('signs off and withdraws the sign-off', () => {
    expect(project(C.signedOff(QA_CHECKLIST)).signOffs).toEqual([
      { by: 'lead', at: '2026-02-10T00:00:00.000Z' },
    ]);
    const withdrawn = project(C.signedOff(QA_CHECKLIST), {
      type: 'ChecklistSignOffWithdrawn',
      data: { checklistId: QA_CHECKLIST, reason: 'REQUIRED_ITEM_UNTICKED', itemId: 'i-1' },
    });
    expect(withdrawn.signOffs).toEqual([]);
  });

  it('keeps each distinct signer once, and the number of sign-offs required', () => {
    const envelope = envelopeFactory();
    const view = [
      C.opened(QA_CHECKLIST, QA_ID, [REQUIRED], 2),
      C.signedOff(QA_CHECKLIST, 'lena'),
      C.signedOff(QA_CHECKLIST, 'lena'),
      C.signedOff(QA_CHECKLIST, 'lars'),
    ].reduce<ChecklistView | null>(
      (current, event) => applyChecklistEvent(current, envelope(QA_CHECKLIST, event)),
      null,
    );
    expect(view?.signOffsRequired).toBe(2);
    expect(view?.signOffs.map(({ by }) => by)).toEqual(['lena', 'lars']);
  });

  it('moves due dates of the items listed', () => {
    const view = project({
      type: 'ChecklistDueDatesMoved',
      data: {
        checklistId: QA_CHECKLIST,
        targetDate: '2026-04-01T00:00:00.000Z',
        items: [{ itemId: 'i-1', dueDate: '2026-03-23T00:00:00.000Z' }],
      },
    });
    expect(view.targetDate).toBe('2026-04-01T00:00:00.000Z');
    expect(itemOf(view).dueDate).toBe('2026-03-23T00:00:00.000Z');
    expect(itemOf(view, 'i-2').dueDate).toBeNull();
  });

  it('closes and reopens with the state it had', () => {
    const closed = project(C.ticked(QA_CHECKLIST, 'i-1'), C.closed(QA_CHECKLIST));
    expect(closed).toMatchObject({ status: 'CLOSED', closedReason: 'TEAM_RELEASED' });
    const reopened = project(C.ticked(QA_CHECKLIST, 'i-1'), C.closed(QA_CHECKLIST), {
      type: 'ChecklistReopened',
      data: { checklistId: QA_CHECKLIST, targetDate: '2026-05-01T00:00:00.000Z', signOffsRequired: 1 },
    });
    expect(reopened).toMatchObject({
      status: 'OPEN',
      closedReason: null,
      targetDate: '2026-05-01T00:00:00.000Z',
    });
    expect(itemOf(reopened).state).toBe('DONE');
  });

  it('ignores a redelivered event', () => {
    const envelope = envelopeFactory();
    const opened = applyChecklistEvent(
      null,
      envelope(QA_CHECKLIST, C.opened(QA_CHECKLIST, QA_ID, [REQUIRED])),
    );
    const ticked = applyChecklistEvent(opened, envelope(QA_CHECKLIST, C.ticked(QA_CHECKLIST, 'i-1')));
    const again = envelope(QA_CHECKLIST, C.unticked(QA_CHECKLIST, 'i-1'), { position: 2 });
    expect(applyChecklistEvent(ticked, again)).toBe(ticked);
  });
});
