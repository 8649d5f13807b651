import type {
  ChecklistEvent,
  ChecklistItemSnapshot,
  ChecklistOpened,
  EventEnvelope,
} from '@tminus/contracts';
import type { ChecklistItemView, ChecklistView, WaiverStatus } from '../views';
import { asChecklistEvent } from './event-kinds';
import { alreadyApplied, progress } from './stream-progress';

/** The fields that only mean something in one state; every transition clears the others. */
const NO_STATE_DETAILS = {
  doneBy: null,
  doneAt: null,
  evidenceUrl: null,
  waiver: null,
  blockedReason: null,
  blockedBy: null,
  checkFailure: null,
} as const;

const newItem = (snapshot: ChecklistItemSnapshot): ChecklistItemView => ({
  id: snapshot.itemId,
  title: snapshot.title,
  description: snapshot.description,
  required: snapshot.required,
  dueDate: snapshot.dueDate,
  dueDaysBeforeLaunch: snapshot.dueDaysBeforeLaunch,
  ownerUserId: snapshot.ownerUserId ?? null,
  check: snapshot.check ?? null,
  state: 'OPEN',
  ...NO_STATE_DETAILS,
});

const opened = ({ data }: ChecklistOpened, envelope: EventEnvelope): ChecklistView => ({
  id: data.checklistId,
  launchId: data.launchId,
  teamId: data.teamId,
  teamFunction: data.teamFunction,
  templateId: data.templateId,
  templateVersion: data.templateVersion,
  targetDate: data.targetDate,
  status: 'OPEN',
  closedReason: null,
  signOffs: [],
  signOffsRequired: data.signOffsRequired,
  items: data.items.map(newItem),
  createdAt: envelope.occurredAt,
  ...progress(envelope),
});

const updateItem = (
  checklist: ChecklistView,
  itemId: string,
  change: (item: ChecklistItemView) => ChecklistItemView,
): ChecklistView => ({
  ...checklist,
  items: checklist.items.map((item) => (item.id === itemId ? change(item) : item)),
});

const reopenItem = (checklist: ChecklistView, itemId: string): ChecklistView =>
  updateItem(checklist, itemId, (item) => ({ ...item, state: 'OPEN', ...NO_STATE_DETAILS }));

/** The waiver ended (revoked or expired): the item is OPEN again and says what happened to its waiver. */
const endWaiver = (checklist: ChecklistView, itemId: string, status: WaiverStatus): ChecklistView =>
  updateItem(checklist, itemId, (item) => ({
    ...item,
    ...NO_STATE_DETAILS,
    state: 'OPEN',
    waiver: item.waiver === null ? null : { ...item.waiver, status },
  }));

const applyFacts = (checklist: ChecklistView, event: ChecklistEvent): ChecklistView => {
  switch (event.type) {
    case 'ChecklistReopened':
      return {
        ...checklist,
        status: 'OPEN',
        closedReason: null,
        targetDate: event.data.targetDate,
        signOffsRequired: event.data.signOffsRequired,
      };
    case 'ChecklistDueDatesMoved': {
      const moved = new Map(event.data.items.map(({ itemId, dueDate }) => [itemId, dueDate]));
      return {
        ...checklist,
        targetDate: event.data.targetDate,
        items: checklist.items.map((item) =>
          moved.has(item.id) ? { ...item, dueDate: moved.get(item.id) ?? null } : item,
        ),
      };
    }
    case 'ChecklistClosed':
      return { ...checklist, status: 'CLOSED', closedReason: event.data.reason };
    case 'ChecklistItemAdded': {
      const { checklistId: _checklistId, ...snapshot } = event.data;
      if (checklist.items.some((item) => item.id === snapshot.itemId)) return checklist;
      return { ...checklist, items: [...checklist.items, newItem(snapshot)] };
    }
    case 'ChecklistItemOwnerAssigned':
      return updateItem(checklist, event.data.itemId, (item) => ({
        ...item,
        ownerUserId: event.data.ownerUserId,
      }));
    case 'ChecklistItemTicked': {
      const { by, at, evidenceUrl } = event.data;
      return updateItem(checklist, event.data.itemId, (item) => ({
        ...item,
        ...NO_STATE_DETAILS,
        state: 'DONE',
        doneBy: by,
        doneAt: at,
        evidenceUrl,
      }));
    }
    case 'ChecklistItemEvidenceUpdated':
      return updateItem(checklist, event.data.itemId, (item) =>
        item.state === 'DONE' ? { ...item, evidenceUrl: event.data.evidenceUrl } : item,
      );
    case 'ChecklistItemWaiverRequested': {
      const { reason, requestedBy, expiresAt } = event.data;
      return updateItem(checklist, event.data.itemId, (item) => ({
        ...item,
        waiver: { status: 'REQUESTED', reason, requestedBy, approvedBy: null, expiresAt },
      }));
    }
    case 'ChecklistItemWaived': {
      const { reason, requestedBy, approvedBy, expiresAt } = event.data;
      return updateItem(checklist, event.data.itemId, (item) => ({
        ...item,
        ...NO_STATE_DETAILS,
        state: 'WAIVED',
        waiver: { status: 'APPROVED', reason, requestedBy, approvedBy, expiresAt },
      }));
    }
    case 'ChecklistItemWaiverRejected':
      return updateItem(checklist, event.data.itemId, (item) => ({
        ...item,
        waiver:
          item.waiver === null
            ? null
            : { ...item.waiver, status: 'REJECTED', rejectionReason: event.data.reason },
      }));
    case 'ChecklistItemWaiverRevoked':
      return endWaiver(checklist, event.data.itemId, 'REVOKED');
    case 'ChecklistItemWaiverExpired':
      return endWaiver(checklist, event.data.itemId, 'EXPIRED');
    case 'ChecklistItemBlocked': {
      const { reason, by } = event.data;
      return updateItem(checklist, event.data.itemId, (item) => ({
        ...item,
        ...NO_STATE_DETAILS,
        state: 'BLOCKED',
        blockedReason: reason,
        blockedBy: by,
      }));
    }
    case 'ChecklistItemCheckFailed': {
      const { check, url, by, at } = event.data;
      return updateItem(checklist, event.data.itemId, (item) => ({
        ...item,
        ...NO_STATE_DETAILS,
        state: 'OPEN',
        checkFailure: { check, url, by, at },
      }));
    }
    case 'ChecklistItemUnticked':
    case 'ChecklistItemUnblocked':
      return reopenItem(checklist, event.data.itemId);
    case 'ChecklistSignedOff':
      // The same lead twice counts once.
      if (checklist.signOffs.some(({ by }) => by === event.data.by)) return checklist;
      return { ...checklist, signOffs: [...checklist.signOffs, { by: event.data.by, at: event.data.at }] };
    case 'ChecklistSignOffWithdrawn':
      return { ...checklist, signOffs: [] };
    case 'ChecklistOpened':
      // Opened once per stream; a re-required team gets `ChecklistReopened` instead.
      return checklist;
  }
};

/**
 * The checklist document after one envelope. Unknown types, markers, redelivered events and events of
 * a checklist never opened leave it as it was.
 */
export const applyChecklistEvent = (
  view: ChecklistView | null,
  envelope: EventEnvelope,
): ChecklistView | null => {
  const event = asChecklistEvent(envelope);
  if (event === null) return view;
  if (view === null) return event.type === 'ChecklistOpened' ? opened(event, envelope) : null;
  if (alreadyApplied(view.version, envelope)) return view;
  return { ...applyFacts(view, event), ...progress(envelope) };
};
