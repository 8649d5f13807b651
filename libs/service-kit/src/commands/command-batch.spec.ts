import {
  ConcurrencyError,
  createEventStore,
  type EventStore,
  type StoreTransaction,
} from '@tminus/event-store';
import { CommandProcessor, type CommandProcessorOptions } from './command-processor';
import { CommandRouter } from './command-router';
import {
  create,
  envelope,
  LIST_EVENTS_TOPIC,
  listDecider,
  tick,
  type ListCommand,
  type ListEvent,
  type ListState,
} from './list.fixtures';

/** The store, counting transactions and letting a test make the next `append`s fail. */
function instrumented(inner: EventStore) {
  const counts = { transactions: 0, conflictsLeft: 0, failuresLeft: 0 };
  const wrapTx = (tx: StoreTransaction): StoreTransaction =>
    new Proxy(tx, {
      get(target, property) {
        if (property === 'append')
          return (streamId: string, ...rest: unknown[]) => {
            if (counts.conflictsLeft > 0 && counts.conflictsLeft--)
              throw new ConcurrencyError(streamId, 0, null);
            if (counts.failuresLeft > 0 && counts.failuresLeft--) throw new Error('disk full');
            return (target.append as (...args: unknown[]) => unknown)(streamId, ...rest);
          };
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const store = new Proxy(inner, {
    get(target, property) {
      if (property === 'transaction')
        return <T>(work: (tx: StoreTransaction) => Promise<T>) => {
          counts.transactions++;
          return target.transaction((tx) => work(wrapTx(tx)));
        };
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store, counts };
}

describe('CommandProcessor.handleBatch (SQLite store)', () => {
  let inner: EventStore;
  let kicks: number;

  const processor = (
    store: EventStore,
    options: Partial<CommandProcessorOptions<ListCommand, ListEvent, ListState>> = {},
  ) =>
    new CommandProcessor<ListCommand, ListEvent, ListState>({
      service: 'lists',
      decider: listDecider,
      commandTypes: ['CreateList', 'TickItem', 'Touch'],
      streamIdOf: (command) => command.data.listId,
      eventsTopic: LIST_EVENTS_TOPIC,
      store,
      relay: { kick: () => void kicks++ },
      conflictRetry: { maxAttempts: 10, initialDelayMs: 1, maxDelayMs: 5 },
      ...options,
    });

  const outcomeOf = (commandId: string) => inner.transaction((tx) => tx.findCommandOutcome(commandId));
  const types = async (streamId: string) => (await inner.readStream(streamId)).map((e) => e.type);

  beforeEach(async () => {
    inner = await createEventStore({ kind: 'sqlite', file: ':memory:', source: 'tminus.lists' });
    kicks = 0;
  });
  afterEach(() => inner.close());

  it('commits a batch over several streams in one transaction, in order, with outbox rows and outcomes', async () => {
    const { store, counts } = instrumented(inner);
    const batch = [
      create('list-1', ['a', 'b'], 'c1'),
      create('list-2', ['x'], 'c2'),
      tick('list-1', 'a', 'c3'),
      tick('list-2', 'x', 'c4'),
      tick('list-1', 'b', 'c5'),
    ];
    const results = await processor(store).handleBatch(batch);
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('ACCEPTED'));
    expect(counts.transactions).toBe(1);
    expect(kicks).toBe(1);
    expect(await types('list-1')).toEqual(['ListCreated', 'ItemTicked', 'ItemTicked', 'ListTicked']);
    expect(await types('list-2')).toEqual(['ListCreated', 'ItemTicked', 'ListTicked']);
    expect((await inner.pendingOutbox(100)).length).toBe(7);
    for (const id of ['c1', 'c2', 'c3', 'c4', 'c5'])
      expect(await outcomeOf(id)).toMatchObject({ status: 'ACCEPTED' });
  });

  it('answers a command id seen before, or twice in the batch, as a duplicate that writes nothing', async () => {
    const p = processor(inner);
    await p.handle(create('list-1', ['a', 'b'], 'c1'));
    const results = await p.handleBatch([
      create('list-1', ['a', 'b'], 'c1'),
      tick('list-1', 'a', 'c2'),
      tick('list-1', 'a', 'c2'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['DUPLICATE', 'ACCEPTED', 'DUPLICATE']);
    expect(await types('list-1')).toEqual(['ListCreated', 'ItemTicked']);
  });

  it('falls back to one by one when a command is rejected: the others apply, the rejection is an outcome', async () => {
    const { store, counts } = instrumented(inner);
    const results = await processor(store).handleBatch([
      create('list-1', ['a', 'b'], 'c1'),
      tick('list-1', 'zzz', 'c2'),
      tick('list-1', 'a', 'c3'),
      envelope('TickItem', 'not an object', 'c4'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['ACCEPTED', 'REJECTED', 'ACCEPTED', 'REJECTED']);
    expect(counts.transactions).toBe(1 + 4); // the rolled-back batch, then one per command
    expect(await types('list-1')).toEqual(['ListCreated', 'ItemTicked']);
    expect(await outcomeOf('c2')).toMatchObject({
      status: 'REJECTED',
      code: 'LIST.ITEM_NOT_OPEN',
    });
  });

  it('falls back to one by one on a lost append, and every command applies exactly once', async () => {
    const { store, counts } = instrumented(inner);
    const p = processor(store);
    await p.handle(create('list-1', ['a', 'b', 'c']));
    counts.conflictsLeft = 1;
    const results = await p.handleBatch([tick('list-1', 'a'), tick('list-1', 'b'), tick('list-1', 'c')]);
    expect(results.map((r) => r.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
    expect(await types('list-1')).toEqual([
      'ListCreated',
      'ItemTicked',
      'ItemTicked',
      'ItemTicked',
      'ListTicked',
    ]);
  });

  it('lets an error propagate after the commands before it applied; a redelivery finds them done', async () => {
    const { store, counts } = instrumented(inner);
    const p = processor(store);
    await p.handle(create('list-1', ['a', 'b']));
    const batch = [tick('list-1', 'a', 'c1'), tick('list-1', 'b', 'c2')];
    counts.failuresLeft = 2; // the batch's first append, then c1's own: c1 fails one by one
    await expect(p.handleBatch(batch)).rejects.toThrow('disk full');
    expect(await types('list-1')).toEqual(['ListCreated']);
    const again = await p.handleBatch(batch);
    expect(again.map((r) => r.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(await types('list-1')).toEqual(['ListCreated', 'ItemTicked', 'ItemTicked', 'ListTicked']);
  });

  it('keeps per-stream order against single commands racing on the same streams', async () => {
    const p = processor(inner);
    await p.handleBatch([create('list-1', ['a', 'b', 'c', 'd']), create('list-2', ['a', 'b'])]);
    const results = await Promise.all([
      p.handleBatch([tick('list-1', 'a'), tick('list-2', 'a'), tick('list-1', 'b')]),
      p.handle(tick('list-1', 'c')),
      p.handleBatch([tick('list-2', 'b'), tick('list-1', 'd')]),
    ]);
    expect(results.flat().every((r) => r.status === 'ACCEPTED')).toBe(true);
    expect((await types('list-1')).filter((t) => t === 'ItemTicked')).toHaveLength(4);
    expect((await types('list-2')).filter((t) => t === 'ItemTicked')).toHaveLength(2);
  });

  it('starts the next command from the batch fold (no stale cache after a batch)', async () => {
    const p = processor(inner);
    await p.handleBatch([create('list-1', ['a', 'b'], 'c1'), tick('list-1', 'a', 'c2')]);
    expect(await p.handle(tick('list-1', 'a'))).toMatchObject({ status: 'REJECTED' });
    expect(await p.handle(tick('list-1', 'b'))).toMatchObject({ status: 'ACCEPTED' });
  });

  it('through a router: one processor batches; an unknown type among them goes one by one', async () => {
    const { store, counts } = instrumented(inner);
    const router = new CommandRouter([processor(store)]);
    await router.handleBatch([create('list-1', ['a', 'b']), tick('list-1', 'a')]);
    expect(counts.transactions).toBe(1);
    const mixed = await router.handleBatch([
      tick('list-1', 'b'),
      envelope('FlyToMoon', { listId: 'list-1' }),
    ]);
    expect(mixed.map((r) => r.status)).toEqual(['ACCEPTED', 'REJECTED']);
  });
});
