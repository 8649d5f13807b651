import { createEventStore, type EventStore } from '@tminus/event-store';
import { syntheticEnvelopes } from './synthetic-events';
import { writeServiceStores } from './write-service-stores';

describe('synthetic history in the services’ event stores', () => {
  const sources = ['tminus.launches', 'tminus.teams', 'tminus.checklists'];
  let stores: Map<string, EventStore>;

  beforeEach(async () => {
    stores = new Map();
    for (const source of sources)
      stores.set(source, await createEventStore({ kind: 'sqlite', file: ':memory:', source }));
  });

  afterEach(async () => {
    for (const store of stores.values()) await store.close();
  });

  it('stores every domain event once, in stream order, and reads it back as the same envelope', async () => {
    const history = [
      ...syntheticEnvelopes({ events: 2_500, activeLaunches: 5, itemsPerChecklist: 4, rejectEvery: 11 }),
    ];
    const domain = history.filter(({ envelope }) => envelope.streamPosition > 0);

    const written = await writeServiceStores(stores, history);

    expect(written).toBe(domain.length);
    const stored = (await Promise.all([...stores.values()].map((store) => store.readAll()))).flat();
    expect(stored).toHaveLength(domain.length);
    const checklistId = domain.find(({ envelope }) => envelope.type === 'ChecklistOpened')!.envelope.streamId;
    const stream = await stores.get('tminus.checklists')!.readStream(checklistId);
    const expected = domain
      .filter(({ envelope }) => envelope.streamId === checklistId)
      .map((e) => e.envelope);
    expect(stream.map(({ globalPosition: _, ...envelope }) => envelope)).toEqual(expected);
  });

  it('records each command’s outcome when asked: accepted or rejected with its event (the marker for a rejection)', async () => {
    const history = [
      ...syntheticEnvelopes({ events: 600, activeLaunches: 3, itemsPerChecklist: 4, rejectEvery: 7 }),
    ];
    const accepted = history.find(({ envelope }) => envelope.streamPosition > 0)!.envelope;
    const rejected = history.find(({ envelope }) => envelope.streamPosition === 0)!.envelope;

    await writeServiceStores(stores, history, { commandOutcomes: true });

    const outcomeIn = (source: string, commandId: string) =>
      stores.get(source)!.transaction((tx) => tx.findCommandOutcome(commandId));
    expect(await outcomeIn(accepted.source, accepted.commandId!)).toEqual({
      status: 'ACCEPTED',
      eventIds: [accepted.id],
    });
    expect(await outcomeIn(rejected.source, rejected.commandId!)).toEqual({
      status: 'REJECTED',
      code: 'ITEM_ALREADY_DONE',
      eventIds: [rejected.id],
    });
  });

  it('records no outcome by default', async () => {
    const history = [...syntheticEnvelopes({ events: 50, activeLaunches: 2, itemsPerChecklist: 2 })];
    const first = history.find(({ envelope }) => envelope.streamPosition > 0)!.envelope;

    await writeServiceStores(stores, history);

    const outcome = await stores
      .get(first.source)!
      .transaction((tx) => tx.findCommandOutcome(first.commandId!));
    expect(outcome).toBeNull();
  });
});
