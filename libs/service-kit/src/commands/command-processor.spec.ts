import { DomainError } from '@tminus/contracts';
import {
  ConcurrencyError,
  createEventStore,
  type EventStore,
  type StoreTransaction,
} from '@tminus/event-store';
import { CommandProcessor, type CommandProcessorOptions, type CommandResult } from './command-processor';
import { CommandRouter } from './command-router';
import {
  actor,
  create,
  LIST_EVENTS_TOPIC,
  envelope,
  listDecider,
  tick,
  type ListCommand,
  type ListEvent,
  type ListState,
} from './list.fixtures';

/** Makes `append` lose the race whenever `conflict()` says so (what a rival writer causes on PostgreSQL). */
function withConflicts(store: EventStore, conflict: (streamId: string) => boolean): EventStore {
  const wrapTx = (tx: StoreTransaction): StoreTransaction =>
    new Proxy(tx, {
      get(target, property) {
        if (property === 'append') {
          return (
            streamId: string,
            ...rest: Parameters<StoreTransaction['append']> extends [string, ...infer R] ? R : never
          ) => {
            if (conflict(streamId)) throw new ConcurrencyError(streamId, rest[1], null);
            return target.append(streamId, ...rest);
          };
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return new Proxy(store, {
    get(target, property) {
      if (property === 'transaction') {
        return <T>(work: (tx: StoreTransaction) => Promise<T>) =>
          target.transaction((tx) => work(wrapTx(tx)));
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('CommandProcessor (SQLite store)', () => {
  let store: EventStore;
  let kicks: number;
  const now = new Date('2030-01-02T03:04:05.000Z');

  const processor = (options: Partial<CommandProcessorOptions<ListCommand, ListEvent, ListState>> = {}) =>
    new CommandProcessor<ListCommand, ListEvent, ListState>({
      service: 'lists',
      decider: listDecider,
      commandTypes: ['CreateList', 'TickItem', 'Touch'],
      streamIdOf: (command) => command.data.listId,
      eventsTopic: LIST_EVENTS_TOPIC,
      store,
      relay: { kick: () => void kicks++ },
      now: () => now,
      conflictRetry: { maxAttempts: 10, initialDelayMs: 1, maxDelayMs: 5 },
      ...options,
    });

  beforeEach(async () => {
    store = await createEventStore({ kind: 'sqlite', file: ':memory:', source: 'tminus.lists' });
    kicks = 0;
  });
  afterEach(() => store.close());

  it('appends the events with their provenance, outboxes the same envelopes and records the outcome', async () => {
    const command = create('list-1', ['a'], 'cmd-create');
    const result = await processor().handle(command);

    const stored = await store.readStream('list-1');
    expect(stored).toEqual([
      expect.objectContaining({
        type: 'ListCreated',
        streamPosition: 1,
        correlationId: 'corr-cmd-create',
        causationId: 'cmd-create',
        commandId: 'cmd-create',
        lastOfCommand: true,
        actor,
        occurredAt: now.toISOString(),
        data: { listId: 'list-1', key: 'list-1', items: ['a'] },
      }),
    ]);
    const outbox = await store.pendingOutbox(10);
    expect(outbox.map(({ topic, key }) => ({ topic, key }))).toEqual([
      { topic: LIST_EVENTS_TOPIC, key: 'list-1' },
    ]);
    const { globalPosition: _position, ...published } = stored[0];
    expect(outbox[0].envelope).toEqual({ ...published, source: 'tminus.lists' });
    expect(result).toEqual({ status: 'ACCEPTED', events: [outbox[0].envelope], attempts: 1 });
    expect(await store.transaction((tx) => tx.findCommandOutcome('cmd-create'))).toEqual({
      status: 'ACCEPTED',
      eventIds: [stored[0].id],
    });
    expect(kicks).toBe(1);
  });

  it('marks only the last event of a command as lastOfCommand', async () => {
    await processor().handle(create('list-1', ['a']));
    await processor().handle(tick('list-1', 'a'));

    const events = await store.readStream('list-1', 2);
    expect(events.map((e) => [e.type, e.lastOfCommand])).toEqual([
      ['ItemTicked', false],
      ['ListTicked', true],
    ]);
  });

  it('handles a command id once: a duplicate produces no second event', async () => {
    const handle = processor();
    await handle.handle(create('list-1', ['a', 'b']));
    const first = await handle.handle(tick('list-1', 'a', 'cmd-tick'));
    const again = await handle.handle(tick('list-1', 'a', 'cmd-tick'));

    if (first.status !== 'ACCEPTED') throw new Error(`expected ACCEPTED, got ${first.status}`);
    expect(again).toEqual({
      status: 'DUPLICATE',
      previous: { status: 'ACCEPTED', eventIds: first.events.map((e) => e.id) },
      attempts: 1,
    });
    expect((await store.readStream('list-1')).map((e) => e.type)).toEqual(['ListCreated', 'ItemTicked']);
    expect(await store.pendingOutbox(10)).toHaveLength(2);
    expect(kicks).toBe(2);
  });

  it('turns a rule violation into a CommandRejected envelope and a REJECTED outcome, and nothing else', async () => {
    await processor().handle(create('list-1', ['a']));
    const result = await processor().handle(tick('list-1', 'zzz', 'cmd-bad'));

    expect(result).toMatchObject({
      status: 'REJECTED',
      code: 'LIST.ITEM_NOT_OPEN',
      message: 'zzz is not open',
    });
    expect(await store.readStream('list-1')).toHaveLength(1);
    const [, rejected] = await store.pendingOutbox(10);
    expect(rejected).toMatchObject({ topic: LIST_EVENTS_TOPIC, key: 'list-1' });
    expect(rejected.envelope).toEqual({
      id: expect.any(String),
      type: 'CommandRejected',
      schemaVersion: 1,
      source: 'tminus.lists',
      streamId: 'list-1',
      streamPosition: 0,
      occurredAt: now.toISOString(),
      correlationId: 'corr-cmd-bad',
      causationId: 'cmd-bad',
      commandId: 'cmd-bad',
      lastOfCommand: true,
      actor,
      data: {
        commandId: 'cmd-bad',
        commandType: 'TickItem',
        aggregateId: 'list-1',
        code: 'LIST.ITEM_NOT_OPEN',
        message: 'zzz is not open',
      },
    });
    expect(await store.transaction((tx) => tx.findCommandOutcome('cmd-bad'))).toEqual({
      status: 'REJECTED',
      code: 'LIST.ITEM_NOT_OPEN',
      eventIds: [rejected.envelope.id],
    });
    expect((await processor().handle(tick('list-1', 'zzz', 'cmd-bad'))).status).toBe('DUPLICATE');
  });

  it('answers an accepted no-op with a CommandAccepted marker', async () => {
    await processor().handle(create('list-1', ['a']));
    const result = await processor().handle(envelope('Touch', { listId: 'list-1' }, 'cmd-touch'));

    expect(result.status).toBe('ACCEPTED');
    expect(result.status === 'ACCEPTED' && result.events).toEqual([
      expect.objectContaining({
        type: 'CommandAccepted',
        streamId: 'list-1',
        streamPosition: 0,
        commandId: 'cmd-touch',
        lastOfCommand: true,
        data: { commandId: 'cmd-touch', commandType: 'Touch', aggregateId: 'list-1' },
      }),
    ]);
    expect(await store.readStream('list-1')).toHaveLength(1);
    expect((await store.pendingOutbox(10)).map((m) => m.envelope.type)).toEqual([
      'ListCreated',
      'CommandAccepted',
    ]);
  });

  it('rejects what it cannot decide: an unknown type, a payload that is not an object, no aggregate id', async () => {
    const results = [
      await processor().handle(envelope('Explode', { listId: 'list-1' })),
      await processor().handle(envelope('TickItem', 'not an object')),
      await processor().handle(envelope('TickItem', { itemId: 'a' })),
    ];
    expect(results.map((r) => r.status === 'REJECTED' && r.code)).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
  });

  it('rolls back what the hooks did when the command is rejected', async () => {
    const reserving = processor({
      beforeAppend: async ({ tx, command, events }) => {
        for (const event of events) {
          if (event.type === 'ListCreated')
            await tx.reserveKey('list-key', event.data.key, event.data.listId);
        }
        if (command.type === 'CreateList' && command.data.items.length === 0) {
          throw new DomainError('LIST.EMPTY', 'a list needs items');
        }
      },
    });
    expect(
      (await reserving.handle(envelope('CreateList', { listId: 'l-1', key: 'k', items: [] }))).status,
    ).toBe('REJECTED');
    // The reservation made before the rejection was rolled back: another list can take the key.
    const other = await reserving.handle(envelope('CreateList', { listId: 'l-2', key: 'k', items: ['a'] }));
    expect(other.status).toBe('ACCEPTED');
  });

  it('decides on the command the prepare hook returns', async () => {
    const enriching = processor({
      prepare: async ({ command }) =>
        command.type === 'CreateList'
          ? { ...command, data: { ...command.data, items: ['from-view'] } }
          : undefined,
    });
    await enriching.handle(create('list-1', ['ignored']));
    expect((await store.readStream('list-1'))[0].data).toEqual({
      listId: 'list-1',
      key: 'list-1',
      items: ['from-view'],
    });
  });

  it('applies 50 concurrent ticks on one stream exactly once each, retrying lost appends', async () => {
    const items = Array.from({ length: 50 }, (_, i) => `item-${i}`);
    await processor().handle(create('list-1', items));
    // Every other append loses the race, as concurrent writers would on PostgreSQL.
    let appends = 0;
    store = withConflicts(store, () => appends++ % 2 === 0);

    const results = await Promise.all(items.map((itemId) => processor().handle(tick('list-1', itemId))));

    expect(results.every((r) => r.status === 'ACCEPTED')).toBe(true);
    expect(results.some((r) => r.attempts > 1)).toBe(true);
    const events = await store.readStream('list-1');
    const ticked = events
      .filter((e) => e.type === 'ItemTicked')
      .map((e) => (e.data as { itemId: string }).itemId);
    expect(ticked.sort()).toEqual([...items].sort());
    expect(events.map((e) => e.streamPosition)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    expect(events.at(-1)?.type).toBe('ListTicked');
  });

  it('gives up after the bounded attempts with an INTERNAL rejection that says why', async () => {
    await processor().handle(create('list-1', ['a']));
    store = withConflicts(store, () => true);

    const result = await processor({
      conflictRetry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1 },
    }).handle(tick('list-1', 'a'));

    expect(result).toMatchObject({ status: 'REJECTED', code: 'INTERNAL', attempts: 3 });
    expect(result.status === 'REJECTED' && result.message).toMatch(/Gave up after 3 attempts.*list-1/);
  });

  it('lets other errors propagate, with nothing written, so the consumer can retry', async () => {
    const failing = processor({
      prepare: async () => {
        throw new Error('database went away');
      },
    });
    await expect(failing.handle(create('list-1', ['a'], 'cmd-x'))).rejects.toThrow('database went away');
    expect(await store.pendingOutbox(10)).toEqual([]);
    expect(await store.transaction((tx) => tx.findCommandOutcome('cmd-x'))).toBeNull();
  });

  it('reads only the events appended since the state it folded last (cost does not grow with history)', async () => {
    const reads: number[] = [];
    const counting = new Proxy(store, {
      get(target, property) {
        if (property === 'transaction') {
          return <T>(work: (tx: StoreTransaction) => Promise<T>) =>
            target.transaction((tx) =>
              work(
                new Proxy(tx, {
                  get(inner, name) {
                    if (name === 'readStream')
                      return async (streamId: string, from?: number) => {
                        const events = await inner.readStream(streamId, from);
                        reads.push(events.length);
                        return events;
                      };
                    const value: unknown = Reflect.get(inner, name);
                    return typeof value === 'function' ? value.bind(inner) : value;
                  },
                }),
              ),
            );
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const cached = processor({ store: counting });
    const items = Array.from({ length: 20 }, (_, i) => `item-${i}`);
    await cached.handle(create('list-1', items));
    for (const item of items) await cached.handle(tick('list-1', item));

    // Each tick reads the events of the command before it (two per tick), never the whole stream.
    expect(Math.max(...reads.slice(2))).toBeLessThanOrEqual(2);
    const stored = await store.readStream('list-1');
    expect(stored.filter((e) => e.type === 'ItemTicked')).toHaveLength(20);
  });

  it('folds in events another process appended since, and refolds after losing an append', async () => {
    const first = processor();
    await first.handle(create('list-1', ['a', 'b', 'c']));
    await first.handle(tick('list-1', 'a'));
    await processor().handle(tick('list-1', 'b')); // a rival instance

    expect((await first.handle(tick('list-1', 'b'))).status).toBe('REJECTED'); // it saw the rival's tick
    expect((await first.handle(tick('list-1', 'c'))).status).toBe('ACCEPTED');
    let lose = true;
    const losing = processor({ store: withConflicts(store, () => (lose ? !(lose = false) : false)) });
    expect((await losing.handle(tick('list-1', 'a', 'again'))).status).toBe('REJECTED');
  });

  it('tells its observer about every command', async () => {
    const seen: { type: string; status: CommandResult['status'] }[] = [];
    const observed = processor({
      observer: ({ type, result }) => seen.push({ type, status: result.status }),
    });
    await observed.handle(create('list-1', ['a'], 'c-1'));
    await observed.handle(create('list-1', ['a'], 'c-1'));
    await observed.handle(create('list-1', ['a'], 'c-2'));
    expect(seen).toEqual([
      { type: 'CreateList', status: 'ACCEPTED' },
      { type: 'CreateList', status: 'DUPLICATE' },
      { type: 'CreateList', status: 'REJECTED' },
    ]);
  });

  describe('folded state kept in memory', () => {
    /** The store, counting the events each readStream call returned. */
    function countingReads(inner: EventStore): { store: EventStore; eventsRead: () => number } {
      let read = 0;
      const wrapTx = (tx: StoreTransaction): StoreTransaction =>
        new Proxy(tx, {
          get(target, property) {
            if (property === 'readStream') {
              return async (...args: Parameters<StoreTransaction['readStream']>) => {
                const events = await target.readStream(...args);
                read += events.length;
                return events;
              };
            }
            const value: unknown = Reflect.get(target, property);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      const counted = new Proxy(inner, {
        get(target, property) {
          if (property === 'transaction')
            return <T>(work: (tx: StoreTransaction) => Promise<T>) =>
              target.transaction((tx) => work(wrapTx(tx)));
          const value: unknown = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return { store: counted, eventsRead: () => read };
    }

    it('reads only the events after its cached fold, not the whole stream, per command', async () => {
      const counting = countingReads(store);
      const cached = processor({ store: counting.store });
      await cached.handle(create('list-1', ['a', 'b', 'c', 'd']));
      for (const item of ['a', 'b', 'c']) await cached.handle(tick('list-1', item));
      expect(counting.eventsRead()).toBe(0);
      const uncached = countingReads(store);
      await processor({ store: uncached.store, stateCacheStreams: 0 }).handle(tick('list-1', 'd'));
      expect(uncached.eventsRead()).toBe(4);
    });

    it('sees what a rival process appended since its fold (the tail read), and decides on it', async () => {
      const mine = processor();
      const rival = processor();
      await mine.handle(create('list-1', ['a', 'b']));
      await rival.handle(tick('list-1', 'a'));
      const again = await mine.handle(tick('list-1', 'a'));
      expect(again).toMatchObject({ status: 'REJECTED', code: 'LIST.ITEM_NOT_OPEN' });
      expect(await mine.handle(tick('list-1', 'b'))).toMatchObject({ status: 'ACCEPTED' });
      expect((await store.readStream('list-1')).map((e) => e.type)).toEqual([
        'ListCreated',
        'ItemTicked',
        'ItemTicked',
        'ListTicked',
      ]);
    });

    it('keeps no state from an attempt that rolled back', async () => {
      let failCommit = false;
      const failing = new Proxy(store, {
        get(target, property) {
          if (property === 'transaction')
            return async <T>(work: (tx: StoreTransaction) => Promise<T>) => {
              const result = await target.transaction(async (tx) => {
                const value = await work(tx);
                if (failCommit) throw new Error('disk full');
                return value;
              });
              return result;
            };
          const value: unknown = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const cached = processor({ store: failing });
      await cached.handle(create('list-1', ['a', 'b']));
      failCommit = true;
      await expect(cached.handle(tick('list-1', 'a'))).rejects.toThrow('disk full');
      failCommit = false;
      // Had the rolled-back fold stayed, 'a' would count as ticked and this would be rejected.
      expect(await cached.handle(tick('list-1', 'a'))).toMatchObject({ status: 'ACCEPTED' });
    });
  });

  describe('CommandRouter', () => {
    it('sends a command to the processor of its type and rejects an unknown type', async () => {
      const router = new CommandRouter([processor()]);
      expect((await router.handle(create('list-1', ['a']))).status).toBe('ACCEPTED');
      const unknown = await router.handle(envelope('FlyToMoon', { listId: 'list-1' }));
      expect(unknown).toMatchObject({ status: 'REJECTED', code: 'BAD_USER_INPUT' });
    });
  });
});
