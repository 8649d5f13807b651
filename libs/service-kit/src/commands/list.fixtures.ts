import { DomainError, type CommandEnvelope, type Decider, type Message } from '@tminus/contracts';

/**
 * A small aggregate for the processor's tests with the shapes that matter here: a create, per-item ticks that conflict on one
 * stream, a rule violation, and a no-op.
 */
export type ListCommand =
  | Message<'CreateList', { listId: string; key: string; items: string[] }>
  | Message<'TickItem', { listId: string; itemId: string }>
  | Message<'Touch', { listId: string }>;
export type ListEvent =
  | Message<'ListCreated', { listId: string; key: string; items: string[] }>
  | Message<'ItemTicked', { listId: string; itemId: string; by: string }>
  | Message<'ListTicked', { listId: string }>;
export interface ListState {
  readonly exists: boolean;
  readonly open: readonly string[];
}

export const listDecider: Decider<ListCommand, ListEvent, ListState> = {
  initialState: () => ({ exists: false, open: [] }),
  decide: (command, state, { actor }) => {
    switch (command.type) {
      case 'CreateList':
        if (state.exists) throw new DomainError('LIST.ALREADY_EXISTS', 'exists');
        return [{ type: 'ListCreated', data: command.data }];
      case 'TickItem': {
        const { listId, itemId } = command.data;
        if (!state.open.includes(itemId))
          throw new DomainError('LIST.ITEM_NOT_OPEN', `${itemId} is not open`);
        const ticked: ListEvent[] = [{ type: 'ItemTicked', data: { listId, itemId, by: actor.userId } }];
        return state.open.length === 1 ? [...ticked, { type: 'ListTicked', data: { listId } }] : ticked;
      }
      case 'Touch':
        return [];
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'ListCreated':
        return { exists: true, open: event.data.items };
      case 'ItemTicked':
        return { ...state, open: state.open.filter((id) => id !== event.data.itemId) };
      case 'ListTicked':
        return state;
    }
  },
};

export const LIST_EVENTS_TOPIC = 'tminus.lists.events';
export const actor = { userId: 'alice', role: 'ADMIN' } as const;
let sequence = 0;
export const envelope = (
  type: string,
  payload: unknown,
  commandId = `cmd-${++sequence}`,
): CommandEnvelope => ({
  commandId,
  type,
  aggregateId: (payload as { listId?: string })?.listId ?? 'none',
  actor,
  correlationId: `corr-${commandId}`,
  issuedAt: '2030-01-01T00:00:00.000Z',
  payload,
});
export const create = (listId: string, items: string[], commandId?: string) =>
  envelope('CreateList', { listId, key: listId, items }, commandId);
export const tick = (listId: string, itemId: string, commandId?: string) =>
  envelope('TickItem', { listId, itemId }, commandId);
