/**
 * Must-show: the relay dies after publishing a batch but before marking it sent. A new relay
 * publishes that batch again; the consumer (idempotent handler, real PostgreSQL) applies every
 * event exactly once.
 */
import { dlqTopicOf } from '@tminus/contracts';
import type { EventStore } from '@tminus/event-store';
import { subscribeReliably } from './dead-letters/reliable-consumer';
import { idempotentMessageHandler } from './idempotency/idempotent-handler';
import { createKafkaBus, KAFKA_CLIENTS } from './kafka-client';
import type { MessageBus, Subscription } from './message-bus';
import { OutboxRelay } from './outbox/outbox-relay';
import { eventually } from './testing/eventually';
import {
  appliedEventIds,
  recordApplied,
  writeEventsWithOutbox,
  openPipelineStores,
  type PipelineStores,
} from './testing/pipeline-fixtures';
import { createTestTopics, kafkaBrokers, uniqueTopic, type TestTopics } from '@tminus/testing';

const EVENTS = 40;
const FIRST_BATCH = 15;

// Each Kafka client behind the bus (ADR 0015) must show the same.
describe.each(KAFKA_CLIENTS)('outbox relay crash between publish and mark (%s)', (client) => {
  let stores: PipelineStores;
  let topics: TestTopics;
  let topic: string;
  let source: EventStore;
  let consumerStore: EventStore;
  let bus: MessageBus;
  const cleanup: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    stores = await openPipelineStores('messaging_relay_crash');
    ({ source, consumerStore } = stores);
    topic = uniqueTopic('relay-crash');
    topics = await createTestTopics([
      { name: topic, partitions: 3 },
      { name: dlqTopicOf(topic), partitions: 1 },
    ]);
    bus = createKafkaBus({ client, brokers: kafkaBrokers(), clientId: 'relay-crash-test' });
  });

  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    await bus?.close();
    await topics?.delete();
    await stores?.close();
  });

  it('re-publishes the unmarked batch, and the idempotent consumer applies every event exactly once', async () => {
    const streams = ['launch-1', 'launch-2', 'launch-3', 'launch-4', 'launch-5'];
    const written = await writeEventsWithOutbox(source, topic, streams, EVENTS);

    // Relay 1 publishes its first batch, then "dies" where marking it sent would have happened.
    let crashed = false;
    const dying = new OutboxRelay({
      store: {
        pendingOutbox: (limit) => source.pendingOutbox(limit),
        markOutboxSent: async () => {
          crashed = true;
          throw new Error('simulated crash before markOutboxSent');
        },
      },
      bus,
      batchSize: FIRST_BATCH,
      retryBackoff: { initialMs: 60_000, maxMs: 60_000 },
    });
    dying.start();
    await eventually(() => crashed, { what: 'the simulated crash' });
    await dying.stop();
    expect((await source.pendingOutbox(100)).length).toBe(EVENTS);

    // Its successor finds the whole outbox still pending and publishes it, the first batch again.
    const successor = new OutboxRelay({ store: source, bus, pollIntervalMs: 100 });
    successor.start();
    cleanup.push(() => successor.stop());
    await eventually(async () => (await source.pendingOutbox(1)).length === 0, {
      timeoutMs: 30_000,
      what: 'an empty outbox',
    });
    expect(successor.published).toBe(EVENTS);

    const outcomes = { applied: 0, duplicate: 0 };
    const subscription: Subscription = await subscribeReliably(bus, {
      groupId: `${topic}.projector`,
      topics: [topic],
      fromBeginning: true,
      handle: idempotentMessageHandler({
        store: consumerStore,
        consumer: 'projector',
        apply: recordApplied,
        afterCommit: (_envelope, outcome) => void outcomes[outcome]++,
      }),
    });
    cleanup.push(() => subscription.stop());

    await eventually(() => outcomes.applied + outcomes.duplicate === EVENTS + FIRST_BATCH, {
      timeoutMs: 60_000,
      what: 'every published copy to be consumed',
    });
    expect(outcomes).toEqual({ applied: EVENTS, duplicate: FIRST_BATCH });
    // readAll shows a commit only once every older transaction in the cluster ended (other tests and
    // agents share the server): wait for the rows the outcomes above counted, then check them exactly.
    await eventually(async () => (await appliedEventIds(consumerStore)).length >= EVENTS, {
      what: 'the applied rows visible to readAll',
    });
    const applied = await appliedEventIds(consumerStore);
    expect(applied).toHaveLength(EVENTS);
    expect([...applied].sort()).toEqual([...written].sort());
    expect((await consumerStore.readAll({ limit: 1_000 })).length).toBe(EVENTS);
  });
});
