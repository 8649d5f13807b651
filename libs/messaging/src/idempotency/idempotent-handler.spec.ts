import type { EventEnvelope } from '@tminus/contracts';
import { createEventStore, type EventStore, type StoreTransaction } from '@tminus/event-store';
import { encodeEventEnvelope } from '../serde/envelope-serde';
import { MalformedMessageError, PoisonMessageError } from '../serde/malformed-message-error';
import { idempotentHandler, idempotentMessageHandler, type ApplyOutcome } from './idempotent-handler';
import { StreamGapError } from './stream-gap-error';

const event = (
  streamId: string,
  streamPosition: number,
  id = `${streamId}@${streamPosition}`,
): EventEnvelope => ({
  id,
  type: streamPosition === 0 ? 'CommandRejected' : 'ItemTicked',
  schemaVersion: 1,
  source: 'test',
  streamId,
  streamPosition,
  occurredAt: '2030-01-01T00:00:00.000Z',
  correlationId: 'corr',
  causationId: 'cause',
  data: {},
});

/** The consumer's "projection": one event per application, in a stream of its own, in the same transaction. */
const recordApplied = async (tx: StoreTransaction, envelope: EventEnvelope): Promise<void> => {
  await tx.append(
    'projection',
    [{ type: 'Applied', data: { eventId: envelope.id }, correlationId: 'c', causationId: envelope.id }],
    'any',
  );
};

describe('idempotentHandler (on the SQLite event store)', () => {
  let store: EventStore;
  const applied = async (): Promise<string[]> =>
    (await store.readStream('projection')).map((e) => (e.data as { eventId: string }).eventId);

  beforeEach(async () => {
    store = await createEventStore({ kind: 'sqlite', file: ':memory:' });
  });
  afterEach(() => store.close());

  it('applies an event once however often it is delivered', async () => {
    const handle = idempotentHandler({ store, consumer: 'projector', apply: recordApplied });
    const outcomes: ApplyOutcome[] = [];
    for (const delivery of [event('s', 1), event('s', 1), event('s', 2), event('s', 1), event('s', 2)]) {
      outcomes.push(await handle(delivery));
    }
    expect(outcomes).toEqual(['applied', 'duplicate', 'applied', 'duplicate', 'duplicate']);
    expect(await applied()).toEqual(['s@1', 's@2']);
  });

  it('keeps one checkpoint per stream', async () => {
    const handle = idempotentHandler({ store, consumer: 'projector', apply: recordApplied });
    await handle(event('a', 1));
    await handle(event('b', 1));
    await handle(event('a', 2));
    await handle(event('b', 1));
    expect(await applied()).toEqual(['a@1', 'b@1', 'a@2']);
  });

  it('de-duplicates position-0 markers by event id', async () => {
    const handle = idempotentHandler({ store, consumer: 'projector', apply: recordApplied });
    await handle(event('agg', 0, 'rejection-1'));
    await handle(event('agg', 0, 'rejection-2'));
    await handle(event('agg', 0, 'rejection-1'));
    // A marker does not move the stream's checkpoint: the stream's own first event still applies.
    await handle(event('agg', 1));
    expect(await applied()).toEqual(['rejection-1', 'rejection-2', 'agg@1']);
  });

  it('rolls back the writes and the checkpoint together when apply fails, so a redelivery applies it', async () => {
    let fail = true;
    const handle = idempotentHandler({
      store,
      consumer: 'projector',
      apply: async (tx, envelope) => {
        await recordApplied(tx, envelope);
        if (fail) throw new Error('crashed after writing');
      },
    });
    await expect(handle(event('s', 1))).rejects.toThrow('crashed after writing');
    expect(await applied()).toEqual([]);

    fail = false;
    expect(await handle(event('s', 1))).toBe('applied');
    expect(await handle(event('s', 1))).toBe('duplicate');
    expect(await applied()).toEqual(['s@1']);
  });

  it('refuses an event whose predecessor was not applied, so it follows it to the dead-letter topic', async () => {
    const handle = idempotentHandler({ store, consumer: 'projector', apply: recordApplied });
    await handle(event('s', 1));
    const gap = handle(event('s', 3));
    await expect(gap).rejects.toBeInstanceOf(StreamGapError);
    await expect(gap).rejects.toBeInstanceOf(PoisonMessageError);
    await expect(gap).rejects.toThrow('has applied s up to position 1, so it cannot apply position 3');
    expect(await handle(event('s', 2))).toBe('applied');
    expect(await handle(event('s', 3))).toBe('applied');
    expect(await applied()).toEqual(['s@1', 's@2', 's@3']);
  });

  it('applies across a gap when told to, and starts a stream it has no checkpoint for anywhere', async () => {
    const handle = idempotentHandler({ store, consumer: 'projector', apply: recordApplied, onGap: 'apply' });
    expect(await handle(event('s', 4))).toBe('applied');
    expect(await handle(event('s', 6))).toBe('applied');
    expect(await handle(event('s', 5))).toBe('duplicate');
    expect(await applied()).toEqual(['s@4', 's@6']);
  });

  it('keeps the checkpoints of different consumers apart', async () => {
    const first = idempotentHandler({ store, consumer: 'first', apply: recordApplied });
    const second = idempotentHandler({ store, consumer: 'second', apply: recordApplied });
    expect(await first(event('s', 1))).toBe('applied');
    expect(await second(event('s', 1))).toBe('applied');
    expect(await applied()).toEqual(['s@1', 's@1']);
  });

  describe('as a bus handler', () => {
    it('decodes the record, applies it once and reports each delivery after the commit', async () => {
      const reported: Array<[string, ApplyOutcome]> = [];
      const handle = idempotentMessageHandler({
        store,
        consumer: 'projector',
        apply: recordApplied,
        afterCommit: (envelope, outcome) => void reported.push([envelope.id, outcome]),
      });
      const record = { ...encodeEventEnvelope(event('s', 1)), topic: 't', partition: 0, offset: '0' };
      await handle(record);
      await handle({ ...record, offset: '1' });
      expect(reported).toEqual([
        ['s@1', 'applied'],
        ['s@1', 'duplicate'],
      ]);
      expect(await applied()).toEqual(['s@1']);
    });

    it('throws MalformedMessageError for a record it cannot decode, and applies nothing', async () => {
      const handle = idempotentMessageHandler({ store, consumer: 'projector', apply: recordApplied });
      const record = { ...encodeEventEnvelope(event('s', 1)), topic: 't', partition: 0, offset: '0' };
      await expect(
        handle({ ...record, headers: { ...record.headers, ce_subject: '' } }),
      ).rejects.toBeInstanceOf(MalformedMessageError);
      expect(await applied()).toEqual([]);
    });
  });
});
