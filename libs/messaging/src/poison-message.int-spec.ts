/**
 * Must-show: a poison message and an event whose projection keeps failing land in the dead-letter
 * topic with their errors, while the next messages of the partition are processed. A dead-lettered
 * event takes the later events of its stream with it (per-stream order), and a replay, once the bug
 * is fixed, applies them in order, exactly once.
 */
import type { EventEnvelope } from '@tminus/contracts';
import { dlqTopicOf } from '@tminus/contracts';
import type { EventStore, StoreTransaction } from '@tminus/event-store';
import { DLQ_HEADERS } from './dead-letters/dead-letter-headers';
import { subscribeReliably } from './dead-letters/reliable-consumer';
import { replayDeadLetters } from './dead-letters/replay-dead-letters';
import { idempotentMessageHandler } from './idempotency/idempotent-handler';
import { createKafkaBus, KAFKA_CLIENTS } from './kafka-client';
import type { MessageBus, IncomingMessage, Subscription } from './message-bus';
import { OutboxRelay } from './outbox/outbox-relay';
import { eventually } from './testing/eventually';
import { recordApplied, openPipelineStores, type PipelineStores } from './testing/pipeline-fixtures';
import { createTestTopics, kafkaBrokers, uniqueTopic, type TestTopics } from '@tminus/testing';

// Each Kafka client behind the bus (ADR 0015) must show the same.
describe.each(KAFKA_CLIENTS)('poison messages on a real broker (%s)', (client) => {
  let stores: PipelineStores;
  let topics: TestTopics;
  let topic: string;
  let source: EventStore;
  let consumerStore: EventStore;
  let bus: MessageBus;
  let relay: OutboxRelay;
  const subscriptions: Subscription[] = [];

  beforeAll(async () => {
    stores = await openPipelineStores('messaging_poison');
    ({ source, consumerStore } = stores);
    topic = uniqueTopic('poison');
    // One partition: every message below shares it, so "the next messages" are really behind the bad ones.
    topics = await createTestTopics([
      { name: topic, partitions: 1 },
      { name: dlqTopicOf(topic), partitions: 1 },
    ]);
    bus = createKafkaBus({ client, brokers: kafkaBrokers(), clientId: 'poison-test' });
    relay = new OutboxRelay({ store: source, bus, pollIntervalMs: 100 });
    relay.start();
  });

  afterAll(async () => {
    await Promise.all(subscriptions.map((s) => s.stop()));
    await relay?.stop();
    await bus?.close();
    await topics?.delete();
    await stores?.close();
  });

  const write = async (streamId: string): Promise<string> => {
    const [event] = await source.transaction(async (tx) => {
      const { events } = await tx.append(
        streamId,
        [{ type: 'TestThingHappened', data: {}, correlationId: 'c', causationId: 'c' }],
        'any',
      );
      await tx.enqueueOutbox(events.map((envelope) => ({ topic, key: streamId, envelope })));
      return events;
    });
    relay.kick();
    return `${streamId}@${event.streamPosition}`;
  };

  it('dead-letters them with their errors, keeps the partition flowing, and replays them in order', async () => {
    const broken = new Set<string>();
    const applied: string[] = [];
    const label = (e: EventEnvelope): string => `${e.streamId}@${e.streamPosition}`;
    subscriptions.push(
      await subscribeReliably(bus, {
        groupId: `${topic}.projector`,
        topics: [topic],
        fromBeginning: true,
        maxAttempts: 3,
        retryBackoff: { initialMs: 20, maxMs: 100 },
        handle: idempotentMessageHandler({
          store: consumerStore,
          consumer: 'projector',
          apply: async (tx: StoreTransaction, envelope) => {
            if (broken.has(label(envelope))) throw new Error(`projection bug on ${label(envelope)}`);
            await recordApplied(tx, envelope);
          },
          afterCommit: (envelope, outcome) => void (outcome === 'applied' && applied.push(label(envelope))),
        }),
      }),
    );
    const dead: IncomingMessage[] = [];
    subscriptions.push(
      await bus.subscribe({
        groupId: `${topic}.dlq-watcher`,
        topics: [dlqTopicOf(topic)],
        fromBeginning: true,
        handle: async (m) => void dead.push(m),
      }),
    );

    for (const stream of ['A', 'A', 'B']) await write(stream);
    await eventually(() => applied.length === 3, { timeoutMs: 30_000, what: 'A@1, A@2, B@1' });

    // A record no decoder accepts (no ce_id), keyed like stream A; then A@3, whose projection throws.
    await bus.publish(topic, [
      {
        key: 'A',
        value: Buffer.from('{}'),
        headers: { ce_specversion: '1.0', ce_type: 'TestThingHappened' },
      },
    ]);
    broken.add('A@3');
    for (const stream of ['A', 'B', 'A', 'B']) await write(stream);

    await eventually(() => applied.includes('B@3') && dead.length === 3, {
      timeoutMs: 30_000,
      what: 'B@3 applied and three dead letters',
    });
    expect(applied).toEqual(['A@1', 'A@2', 'B@1', 'B@2', 'B@3']);
    const [poison, failing, follower] = dead;
    expect(poison.headers[DLQ_HEADERS.errorType]).toBe('MalformedMessageError');
    expect(poison.headers[DLQ_HEADERS.error]).toContain('header ce_id is missing');
    expect(poison.headers[DLQ_HEADERS.attempts]).toBe('1');
    expect(poison.headers[DLQ_HEADERS.originalTopic]).toBe(topic);
    expect(poison.headers[DLQ_HEADERS.originalOffset]).toBe('3');
    expect(failing.headers).toMatchObject({
      ce_subject: 'A',
      ce_streamposition: '3',
      [DLQ_HEADERS.error]: 'Error: projection bug on A@3',
      [DLQ_HEADERS.attempts]: '3',
    });
    expect(follower.headers).toMatchObject({
      ce_subject: 'A',
      ce_streamposition: '4',
      [DLQ_HEADERS.errorType]: 'StreamGapError',
      [DLQ_HEADERS.attempts]: '1',
    });

    // The bug is fixed; the replay brings A@3 and A@4 back in order. The poison fails again.
    broken.clear();
    const result = await replayDeadLetters({ bus, topic, groupId: `${topic}.replay` });
    expect(result.replayed).toBe(3);
    await eventually(() => applied.length === 7 && dead.length === 4, {
      timeoutMs: 30_000,
      what: 'A@3 and A@4 applied, the poison dead-lettered again',
    });
    expect(applied).toEqual(['A@1', 'A@2', 'B@1', 'B@2', 'B@3', 'A@3', 'A@4']);
    expect(dead[3].headers[DLQ_HEADERS.errorType]).toBe('MalformedMessageError');
    // readAll shows events in commit order: an event stays hidden while any older transaction in the cluster (another
    // test file's) is still open, so the count is waited for, not read once.
    await eventually(async () => (await consumerStore.readAll({ limit: 100 })).length === 7, {
      timeoutMs: 30_000,
      what: 'the seven applied events in the consumer store',
    });
  });
});
