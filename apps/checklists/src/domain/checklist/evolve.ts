import type { ChecklistEvent } from '@tminus/contracts';
import type { ChecklistItem, ChecklistState, ExistingChecklist, ItemStatus } from './state';

const updateItem = (
  checklist: ExistingChecklist,
  itemId: string,
  change: (item: ChecklistItem) => ChecklistItem,
): ExistingChecklist => ({
  ...checklist,
  items: checklist.items.map((item) => (item.itemId === itemId ? change(item) : item)),
});

const setStatus = (checklist: ExistingChecklist, itemId: string, status: ItemStatus): ExistingChecklist =>
  updateItem(checklist, itemId, (item) => ({ ...item, status, waiverRequest: null, checkFailure: null }));

const OPEN: ItemStatus = { state: 'OPEN' };

export const evolveChecklist = (state: ChecklistState, event: ChecklistEvent): ChecklistState => {
  if (event.type === 'ChecklistOpened') {
    const { items, ...checklist } = event.data;
    return {
      status: 'OPEN',
      ...checklist,
      items: items.map((item) => ({
        ...item,
        ownerUserId: item.ownerUserId ?? null,
        status: OPEN,
        waiverRequest: null,
        checkFailure: null,
      })),
      signOffs: [],
    };
  }
  // Events of a stream that was never opened cannot be applied to anything: keep the empty state.
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ChecklistReopened':
      return {
        ...state,
        status: 'OPEN',
        targetDate: event.data.targetDate,
        signOffsRequired: event.data.signOffsRequired,
      };
    case 'ChecklistDueDatesMoved': {
      const moved = new Map(event.data.items.map(({ itemId, dueDate }) => [itemId, dueDate]));
      return {
        ...state,
        targetDate: event.data.targetDate,
        items: state.items.map((item) =>
          moved.has(item.itemId) ? { ...item, dueDate: moved.get(item.itemId) ?? null } : item,
        ),
      };
    }
    case 'ChecklistClosed':
      return { ...state, status: 'CLOSED' };
    case 'ChecklistItemAdded': {
      const { checklistId: _checklistId, ...snapshot } = event.data;
      return {
        ...state,
        items: [
          ...state.items,
          { ...snapshot, ownerUserId: null, status: OPEN, waiverRequest: null, checkFailure: null },
        ],
      };
    }
    case 'ChecklistItemOwnerAssigned':
      return updateItem(state, event.data.itemId, (item) => ({
        ...item,
        ownerUserId: event.data.ownerUserId,
      }));
    case 'ChecklistItemTicked': {
      const { by, at, evidenceUrl } = event.data;
      return setStatus(state, event.data.itemId, { state: 'DONE', by, at, evidenceUrl });
    }
    case 'ChecklistItemCheckFailed': {
      const { check, url, at } = event.data;
      return updateItem(setStatus(state, event.data.itemId, OPEN), event.data.itemId, (item) => ({
        ...item,
        checkFailure: { check, url, at },
      }));
    }
    case 'ChecklistItemEvidenceUpdated':
      return updateItem(state, event.data.itemId, (item) =>
        item.status.state === 'DONE'
          ? { ...item, status: { ...item.status, evidenceUrl: event.data.evidenceUrl } }
          : item,
      );
    case 'ChecklistItemWaiverRequested': {
      const { reason, requestedBy, expiresAt } = event.data;
      return updateItem(state, event.data.itemId, (item) => ({
        ...item,
        waiverRequest: { reason, requestedBy, expiresAt },
      }));
    }
    case 'ChecklistItemWaived': {
      const { reason, requestedBy, approvedBy, expiresAt } = event.data;
      return setStatus(state, event.data.itemId, {
        state: 'WAIVED',
        reason,
        requestedBy,
        approvedBy,
        expiresAt,
      });
    }
    case 'ChecklistItemWaiverRejected':
      return updateItem(state, event.data.itemId, (item) => ({ ...item, waiverRequest: null }));
    case 'ChecklistItemBlocked': {
      const { reason, by } = event.data;
      return setStatus(state, event.data.itemId, { state: 'BLOCKED', reason, by });
    }
    case 'ChecklistItemUnticked':
    case 'ChecklistItemWaiverRevoked':
    case 'ChecklistItemWaiverExpired':
    case 'ChecklistItemUnblocked':
      return setStatus(state, event.data.itemId, OPEN);
    case 'ChecklistSignedOff':
      // The same lead twice counts once.
      if (state.signOffs.some(({ by }) => by === event.data.by)) return state;
      return { ...state, signOffs: [...state.signOffs, { by: event.data.by, at: event.data.at }] };
    case 'ChecklistSignOffWithdrawn':
      return { ...state, signOffs: [] };
  }
};
