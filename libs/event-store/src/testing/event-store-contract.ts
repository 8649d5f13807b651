import { randomUUID } from 'node:crypto';
import { schemaVersionOf } from '@tminus/contracts';
import type { EventStore, NewEvent, OutboxMessage, RecordedEvent } from '../event-store';
import { CommandAlreadyProcessedError, ConcurrencyError, KeyTakenError } from '../errors';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { eventually } from './eventually';

export interface ContractStoreOptions {
  readonly source: string;
  readonly upcasters: UpcasterRegistry;
}

/** Returns a fresh, initialised, empty store (the suite closes it after each test). */
export type EventStoreFactory = (options: ContractStoreOptions) => Promise<EventStore>;

/** A test event type at schema version 2 whose version 1 had `title` where version 2 has `name`. */
const RENAMED_FIELD = 'TestItemAdded';
const contractUpcasters = (): UpcasterRegistry =>
  new UpcasterRegistry((type) => (type === RENAMED_FIELD ? 2 : schemaVersionOf(type))).register(
    RENAMED_FIELD,
    1,
    (data) => {
      const { title, ...rest } = data as { title: string };
      return { ...rest, name: title };
    },
  );

const SOURCE = 'tminus.contract-test';
const newStream = (): string => `stream-${randomUUID()}`;
const event = (type: string, data: unknown = {}, extra: Partial<NewEvent> = {}): NewEvent => ({
  type,
  data,
  correlationId: 'correlation-1',
  causationId: 'causation-1',
  ...extra,
});
const outboxOf = (events: RecordedEvent[]): OutboxMessage[] =>
  events.map((e) => ({ topic: 'tminus.test.events', key: e.streamId, envelope: e }));

/** Rejected with `error`, or fulfilled with undefined: for asserting which of two racers failed how. */
const settle = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error) => error,
  );

/** The behaviour every EventStore implementation must have. */
export function describeEventStoreContract(name: string, createStore: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await createStore({ source: SOURCE, upcasters: contractUpcasters() });
    });
    afterEach(() => store.close());

    const append = (streamId: string, events: NewEvent[], expected: 'any' | 'no_stream' | number) =>
      store.transaction((tx) => tx.append(streamId, events, expected));

    describe('append', () => {
      it("starts a stream with 'no_stream' and numbers its events from 1", async () => {
        const streamId = newStream();
        const result = await append(streamId, [event('A', { n: 1 }), event('B', { n: 2 })], 'no_stream');

        expect(result.nextExpectedVersion).toBe(2);
        expect(result.events.map((e) => [e.type, e.streamPosition])).toEqual([
          ['A', 1],
          ['B', 2],
        ]);
        expect(await store.readStream(streamId)).toEqual(result.events);
      });

      it('keeps every envelope field it was given', async () => {
        const streamId = newStream();
        const id = randomUUID();
        const given = event(
          'TeamCreated',
          { key: 'qa', nested: { list: [1, 2] } },
          {
            id,
            occurredAt: '2026-03-01T10:00:00.000Z',
            commandId: 'command-1',
            lastOfCommand: true,
            actor: { userId: 'alice', role: 'ADMIN' },
            traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          },
        );
        await append(streamId, [given], 'no_stream');

        const [stored] = await store.readStream(streamId);
        expect(stored).toEqual({
          id,
          type: 'TeamCreated',
          schemaVersion: 1,
          source: SOURCE,
          streamId,
          streamPosition: 1,
          occurredAt: '2026-03-01T10:00:00.000Z',
          correlationId: 'correlation-1',
          causationId: 'causation-1',
          commandId: 'command-1',
          lastOfCommand: true,
          actor: { userId: 'alice', role: 'ADMIN' },
          traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          data: { key: 'qa', nested: { list: [1, 2] } },
          globalPosition: expect.any(String),
        });
      });

      it("refuses 'no_stream' on an existing stream with a ConcurrencyError", async () => {
        const streamId = newStream();
        await append(streamId, [event('A'), event('B')], 'no_stream');

        const error = await settle(append(streamId, [event('C')], 'no_stream'));
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId, expected: 'no_stream', actual: 2 });
      });

      it('appends at the exact expected version and refuses any other', async () => {
        const streamId = newStream();
        await append(streamId, [event('A')], 'no_stream');

        await expect(append(streamId, [event('B')], 1)).resolves.toMatchObject({ nextExpectedVersion: 2 });
        const stale = await settle(append(streamId, [event('C')], 1));
        expect(stale).toBeInstanceOf(ConcurrencyError);
        expect(stale).toMatchObject({ expected: 1, actual: 2 });
        await expect(append(newStream(), [event('A')], 3)).rejects.toBeInstanceOf(ConcurrencyError);
        expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['A', 'B']);
      });

      it("appends after the last position with 'any', on new and existing streams", async () => {
        const streamId = newStream();
        await append(streamId, [event('A')], 'any');
        const result = await append(streamId, [event('B'), event('C')], 'any');

        expect(result.nextExpectedVersion).toBe(3);
        expect((await store.readStream(streamId)).map((e) => [e.type, e.streamPosition])).toEqual([
          ['A', 1],
          ['B', 2],
          ['C', 3],
        ]);
      });

      it('checks the expectation even when there is nothing to append', async () => {
        const streamId = newStream();
        await append(streamId, [event('A')], 'no_stream');

        await expect(append(streamId, [], 1)).resolves.toEqual({ nextExpectedVersion: 1, events: [] });
        await expect(append(streamId, [], 0)).rejects.toBeInstanceOf(ConcurrencyError);
      });

      it('lets exactly one of two writers racing on one stream win; the other gets a ConcurrencyError', async () => {
        const streamId = newStream();
        await append(streamId, [event('Created')], 'no_stream');

        const outcomes = await Promise.all([
          settle(append(streamId, [event('Left')], 1)),
          settle(append(streamId, [event('Right')], 1)),
        ]);

        expect(outcomes.filter((o) => o === undefined)).toHaveLength(1);
        expect(outcomes.filter((o) => o instanceof ConcurrencyError)).toHaveLength(1);
        const stream = await store.readStream(streamId);
        expect(stream.map((e) => e.streamPosition)).toEqual([1, 2]);
        expect(['Left', 'Right']).toContain(stream[1].type);
      });

      it('writes nothing when the transaction throws after appending', async () => {
        const streamId = newStream();
        await expect(
          store.transaction(async (tx) => {
            await tx.append(streamId, [event('A')], 'no_stream');
            throw new Error('handler failed');
          }),
        ).rejects.toThrow('handler failed');

        expect(await store.readStream(streamId)).toEqual([]);
        await expect(append(streamId, [event('A')], 'no_stream')).resolves.toMatchObject({
          nextExpectedVersion: 1,
        });
      });
    });

    describe('readStream', () => {
      it('reads from a position (inclusive) and gives [] for an unknown stream', async () => {
        const streamId = newStream();
        await append(
          streamId,
          ['A', 'B', 'C', 'D'].map((t) => event(t)),
          'no_stream',
        );

        expect((await store.readStream(streamId, 3)).map((e) => e.type)).toEqual(['C', 'D']);
        expect(await store.readStream(streamId, 5)).toEqual([]);
        expect(await store.readStream(newStream())).toEqual([]);
      });

      it('inside a transaction sees its own appends, which others see only after commit', async () => {
        const streamId = newStream();
        await store.transaction(async (tx) => {
          await tx.append(streamId, [event('A')], 'no_stream');
          expect((await tx.readStream(streamId)).map((e) => e.type)).toEqual(['A']);
          expect(await store.readStream(streamId)).toEqual([]);
        });
        expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['A']);
      });
    });

    describe('readAll', () => {
      it('returns events of all streams in commit order, pages after a position', async () => {
        const [first, second] = [newStream(), newStream()];
        await append(first, [event('A1'), event('A2')], 'no_stream');
        await append(second, [event('B1')], 'no_stream');
        await append(first, [event('A3')], 2);

        const all = await eventually(
          () => store.readAll(),
          (events) => events.length >= 4,
        );
        expect(all.map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3']);
        const positions = all.map((e) => e.globalPosition);
        expect([...positions].sort()).toEqual(positions);
        expect(new Set(positions).size).toBe(4);

        expect((await store.readAll({ after: positions[1] })).map((e) => e.type)).toEqual(['B1', 'A3']);
        expect((await store.readAll({ after: positions[0], limit: 2 })).map((e) => e.type)).toEqual([
          'A2',
          'B1',
        ]);
        expect(await store.readAll({ after: positions[3] })).toEqual([]);
      });

      it('gives the same global positions as append returned', async () => {
        const appended = await append(newStream(), [event('A'), event('B')], 'no_stream');

        const all = await eventually(
          () => store.readAll(),
          (events) => events.length >= 2,
        );
        expect(all).toEqual(appended.events);
      });
    });

    describe('outbox', () => {
      it('is written in the same transaction as the events and read back in commit order', async () => {
        const [first, second] = [newStream(), newStream()];
        for (const streamId of [first, second]) {
          await store.transaction(async (tx) => {
            const { events } = await tx.append(streamId, [event('A'), event('B')], 'no_stream');
            await tx.enqueueOutbox(outboxOf(events));
          });
        }

        const pending = await eventually(
          () => store.pendingOutbox(10),
          (messages) => messages.length >= 4,
        );
        expect(pending.map((m) => [m.key, m.envelope.type])).toEqual([
          [first, 'A'],
          [first, 'B'],
          [second, 'A'],
          [second, 'B'],
        ]);
        expect(pending[0]).toMatchObject({ topic: 'tminus.test.events', envelope: { streamId: first } });
        expect((await store.pendingOutbox(3)).map((m) => m.outboxId)).toEqual(
          pending.slice(0, 3).map((m) => m.outboxId),
        );
      });

      it('leaves neither events nor outbox rows when the transaction throws', async () => {
        const streamId = newStream();
        await expect(
          store.transaction(async (tx) => {
            const { events } = await tx.append(streamId, [event('A')], 'no_stream');
            await tx.enqueueOutbox(outboxOf(events));
            throw new Error('publish later failed');
          }),
        ).rejects.toThrow('publish later failed');

        expect(await store.readStream(streamId)).toEqual([]);
        expect(await store.pendingOutbox(10)).toEqual([]);
      });

      it('stops returning messages once they are marked sent', async () => {
        await store.transaction(async (tx) => {
          const { events } = await tx.append(newStream(), [event('A'), event('B'), event('C')], 'no_stream');
          await tx.enqueueOutbox(outboxOf(events));
        });
        const pending = await eventually(
          () => store.pendingOutbox(10),
          (messages) => messages.length >= 3,
        );

        await store.markOutboxSent([pending[0].outboxId, pending[2].outboxId]);
        expect((await store.pendingOutbox(10)).map((m) => m.envelope.type)).toEqual(['B']);
        await store.markOutboxSent([pending[1].outboxId, pending[1].outboxId]);
        expect(await store.pendingOutbox(10)).toEqual([]);
      });
    });

    describe('processed commands and checkpoints', () => {
      const accepted = { status: 'ACCEPTED' as const, eventIds: ['e-1', 'e-2'] };

      it('keeps the outcome of a processed command', async () => {
        await store.transaction((tx) => tx.recordCommandOutcome('command-1', accepted));
        await store.transaction((tx) =>
          tx.recordCommandOutcome('command-2', {
            status: 'REJECTED',
            code: 'TEAM.KEY_TAKEN',
            eventIds: ['e-3'],
          }),
        );

        await store.transaction(async (tx) => {
          expect(await tx.findCommandOutcome('command-1')).toEqual(accepted);
          expect(await tx.findCommandOutcome('command-2')).toEqual({
            status: 'REJECTED',
            code: 'TEAM.KEY_TAKEN',
            eventIds: ['e-3'],
          });
          expect(await tx.findCommandOutcome('command-3')).toBeNull();
        });
      });

      it('refuses a second outcome for the same command', async () => {
        await store.transaction((tx) => tx.recordCommandOutcome('command-1', accepted));

        await expect(
          store.transaction((tx) => tx.recordCommandOutcome('command-1', accepted)),
        ).rejects.toThrow(CommandAlreadyProcessedError);
      });

      it('stores checkpoints per consumer and key, and moves them', async () => {
        await store.transaction(async (tx) => {
          await tx.setCheckpoint('projector', 'stream-a', '3');
          await tx.setCheckpoint('projector', 'stream-b', '7');
          await tx.setCheckpoint('projector', 'stream-a', '4');
        });

        await store.transaction(async (tx) => {
          expect(await tx.getCheckpoint('projector', 'stream-a')).toBe('4');
          expect(await tx.getCheckpoint('projector', 'stream-b')).toBe('7');
          expect(await tx.getCheckpoint('other', 'stream-a')).toBeNull();
        });
      });

      it('rolls the outcome and the checkpoint back with the transaction', async () => {
        await store.transaction((tx) => tx.setCheckpoint('projector', 'stream-a', '1'));
        await expect(
          store.transaction(async (tx) => {
            await tx.recordCommandOutcome('command-1', accepted);
            await tx.setCheckpoint('projector', 'stream-a', '2');
            throw new Error('projection failed');
          }),
        ).rejects.toThrow('projection failed');

        await store.transaction(async (tx) => {
          expect(await tx.findCommandOutcome('command-1')).toBeNull();
          expect(await tx.getCheckpoint('projector', 'stream-a')).toBe('1');
        });
      });
    });

    describe('reservations', () => {
      const reserve = (key: string, owner: string) =>
        store.transaction((tx) => tx.reserveKey('team', key, owner));

      it('gives a key to one owner: another gets a KeyTakenError, the same owner is fine', async () => {
        await reserve('qa', 'team-1');

        const taken = await settle(reserve('qa', 'team-2'));
        expect(taken).toBeInstanceOf(KeyTakenError);
        expect(taken).toMatchObject({ scope: 'team', key: 'qa', ownerId: 'team-1' });
        await expect(reserve('qa', 'team-1')).resolves.toBeUndefined();
        await expect(
          store.transaction((tx) => tx.reserveKey('launch', 'qa', 'launch-1')),
        ).resolves.toBeUndefined();
      });

      it('gives a key to exactly one of two owners racing for it', async () => {
        const outcomes = await Promise.all([
          settle(reserve('qa', 'team-1')),
          settle(reserve('qa', 'team-2')),
        ]);

        expect(outcomes.filter((o) => o === undefined)).toHaveLength(1);
        expect(outcomes.filter((o) => o instanceof KeyTakenError)).toHaveLength(1);
      });

      it('frees a key on release by its owner only', async () => {
        await reserve('qa', 'team-1');
        await store.transaction((tx) => tx.releaseKey('team', 'qa', 'team-2'));
        await expect(reserve('qa', 'team-2')).rejects.toBeInstanceOf(KeyTakenError);

        await store.transaction((tx) => tx.releaseKey('team', 'qa', 'team-1'));
        await expect(reserve('qa', 'team-2')).resolves.toBeUndefined();
      });

      it('leaves the transaction usable after a KeyTakenError, and rolls a reservation back with it', async () => {
        await reserve('qa', 'team-1');
        const streamId = newStream();
        await store.transaction(async (tx) => {
          await expect(tx.reserveKey('team', 'qa', 'team-2')).rejects.toBeInstanceOf(KeyTakenError);
          await tx.append(streamId, [event('CommandRejected')], 'no_stream');
        });
        expect(await store.readStream(streamId)).toHaveLength(1);

        await expect(
          store.transaction(async (tx) => {
            await tx.reserveKey('team', 'docs', 'team-3');
            throw new Error('append failed');
          }),
        ).rejects.toThrow('append failed');
        await expect(reserve('docs', 'team-4')).resolves.toBeUndefined();
      });
    });

    describe('upcasting', () => {
      it('lifts events written at an old schema version on every read path', async () => {
        const streamId = newStream();
        await append(
          streamId,
          [event(RENAMED_FIELD, { title: 'Pen test', required: true }, { schemaVersion: 1 })],
          'no_stream',
        );
        await append(streamId, [event(RENAMED_FIELD, { name: 'Runbook', required: false })], 1);

        const expected = [
          { schemaVersion: 2, data: { name: 'Pen test', required: true } },
          { schemaVersion: 2, data: { name: 'Runbook', required: false } },
        ];
        expect(await store.readStream(streamId)).toMatchObject(expected);
        expect(await store.transaction((tx) => tx.readStream(streamId))).toMatchObject(expected);
        const all = await eventually(
          () => store.readAll(),
          (events) => events.length >= 2,
        );
        expect(all).toMatchObject(expected);
      });
    });
  });
}
