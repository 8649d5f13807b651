import { createEventStore, type EventStore } from '@tminus/event-store';
import { createTestDatabase, type TestDatabase } from '@tminus/testing';
import { CommandProcessor } from './command-processor';
import {
  create,
  LIST_EVENTS_TOPIC,
  listDecider,
  tick,
  type ListCommand,
  type ListEvent,
  type ListState,
} from './list.fixtures';

// Real contention: PostgreSQL transactions race on one stream's unique (stream, position) key.
describe('CommandProcessor on PostgreSQL', () => {
  let db: TestDatabase;
  let store: EventStore;
  let processor: CommandProcessor<ListCommand, ListEvent, ListState>;
  /** Another instance of the service on the same database. */
  const newProcessor = () =>
    new CommandProcessor<ListCommand, ListEvent, ListState>({
      service: 'lists',
      decider: listDecider,
      commandTypes: ['CreateList', 'TickItem', 'Touch'],
      streamIdOf: (command) => command.data.listId,
      eventsTopic: LIST_EVENTS_TOPIC,
      store,
    });

  beforeAll(async () => {
    db = await createTestDatabase('service_kit_processor');
    store = await createEventStore({ kind: 'postgres', url: db.url, source: 'tminus.lists' });
    processor = newProcessor();
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const expectAllTickedOnce = async (listId: string, items: string[]) => {
    const events = await store.readStream(listId);
    const ticked = events
      .filter((e) => e.type === 'ItemTicked')
      .map((e) => (e.data as { itemId: string }).itemId);
    expect(ticked.sort()).toEqual([...items].sort());
    expect(events.map((e) => e.streamPosition)).toEqual(
      Array.from({ length: items.length + 2 }, (_, i) => i + 1),
    );
  };

  it('queues 50 concurrent ticks on one stream in one process: each applied once, none collides', async () => {
    const items = Array.from({ length: 50 }, (_, i) => `item-${i}`);
    await processor.handle(create('list-1', items));

    const results = await Promise.all(items.map((itemId) => processor.handle(tick('list-1', itemId))));

    expect(results.map((r) => [r.status, r.attempts])).toEqual(items.map(() => ['ACCEPTED', 1]));
    await expectAllTickedOnce('list-1', items);
  });

  it('retries the appends that lose to another instance: 50 ticks from three instances, each applied once', async () => {
    const items = Array.from({ length: 50 }, (_, i) => `item-${i}`);
    await processor.handle(create('list-3', items));
    const instances = [processor, newProcessor(), newProcessor()];

    const results = await Promise.all(
      items.map((itemId, i) => instances[i % instances.length].handle(tick('list-3', itemId))),
    );

    expect(results.filter((r) => r.status !== 'ACCEPTED')).toEqual([]);
    await expectAllTickedOnce('list-3', items);
    // The point: they did collide, and the bounded retries absorbed it.
    expect(Math.max(...results.map((r) => r.attempts))).toBeGreaterThan(1);
  });

  it('decides right from warm but stale folds: three instances, two rounds of rival ticks, each applied once', async () => {
    const items = Array.from({ length: 60 }, (_, i) => `item-${i}`);
    await processor.handle(create('list-4', items));
    const instances = [processor, newProcessor(), newProcessor()];
    const round = (slice: string[]) =>
      Promise.all(slice.map((itemId, i) => instances[i % instances.length].handle(tick('list-4', itemId))));

    // The first round warms every instance's fold; in the second each fold is behind the others' writes.
    const first = await round(items.slice(0, 30));
    const second = await round(items.slice(30));
    // A tick of an item already ticked must still be refused, whichever instance gets it.
    const again = await Promise.all(instances.map((instance) => instance.handle(tick('list-4', 'item-0'))));

    expect([...first, ...second].filter((r) => r.status !== 'ACCEPTED')).toEqual([]);
    expect(again.map((r) => r.status === 'REJECTED' && r.code)).toEqual(
      instances.map(() => 'LIST.ITEM_NOT_OPEN'),
    );
    await expectAllTickedOnce('list-4', items);
  });

  it('batches racing rival instances (batches and single commands): each tick applied once, in order on the topic', async () => {
    const items = Array.from({ length: 60 }, (_, i) => `item-${i}`);
    await processor.handle(create('list-5', items));
    const rival = newProcessor();
    const batches = [0, 1, 2, 3, 4, 5].map((b) =>
      items.slice(b * 10, b * 10 + 10).map((id) => tick('list-5', id)),
    );

    const results = await Promise.all([
      ...batches.slice(0, 3).map((batch) => processor.handleBatch(batch)),
      ...batches.slice(3, 5).map((batch) => rival.handleBatch(batch)),
      ...batches[5].map((command) => rival.handle(command)),
    ]);

    expect(results.flat().filter((r) => r.status !== 'ACCEPTED')).toEqual([]);
    await expectAllTickedOnce('list-5', items);
    // The relay publishes in stream order, also past position 9 → 10 inside one batch's transaction.
    // It sees a commit only once every older transaction of the server ended (other suites run too): poll.
    const outboxed = async () =>
      (await store.pendingOutbox(1_000))
        .map((row) => row.envelope)
        .filter((envelope) => envelope.streamId === 'list-5')
        .map((envelope) => envelope.streamPosition);
    const expected = Array.from({ length: items.length + 2 }, (_, i) => i + 1);
    for (let wait = 0; (await outboxed()).length < expected.length && wait < 100; wait++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await outboxed()).toEqual(expected);
  });

  it('handles the same command delivered twice at the same moment once', async () => {
    await processor.handle(create('list-2', ['a']));
    const command = tick('list-2', 'a', 'cmd-twice');

    const results = await Promise.all([processor.handle(command), processor.handle(command)]);

    expect(results.map((r) => r.status).sort()).toEqual(['ACCEPTED', 'DUPLICATE']);
    expect((await store.readStream('list-2')).map((e) => e.type)).toEqual([
      'ListCreated',
      'ItemTicked',
      'ListTicked',
    ]);
  });
});
