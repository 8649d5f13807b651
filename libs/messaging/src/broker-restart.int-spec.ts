/**
 * Must-show: the Kafka broker is stopped and started again while events flow from the outbox
 * through the relay to an idempotent consumer. Nothing is lost, nothing is applied twice.
 *
 * Runs on a private broker (ports 19192/19193, .infra/kafka-restart-test) so that stopping it
 * disturbs no other test.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { dlqTopicOf } from '@tminus/contracts';
import type { EventStore } from '@tminus/event-store';
import { subscribeReliably } from './dead-letters/reliable-consumer';
import { idempotentMessageHandler } from './idempotency/idempotent-handler';
import { deleteTopics, ensureTopics } from './kafka/kafka-admin';
import { createKafkaBus, KAFKA_CLIENTS } from './kafka-client';
import type { MessagingLogger } from './logger';
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
import { privateKafka } from './testing/private-kafka';
import { uniqueTopic } from '@tminus/testing';

jest.setTimeout(300_000);

const kafka = privateKafka('kafka-restart-test', 19192, 19193);
const STREAMS = ['launch-1', 'launch-2', 'launch-3', 'launch-4', 'launch-5', 'launch-6', 'launch-7'];

/** The clients' warnings and errors (there are many while the broker is down) go to a file, not the test output. */
const fileLogger = (file: string): MessagingLogger => {
  const write = (level: string) => (fields: object, message: string) =>
    appendFileSync(file, `${new Date().toISOString()} ${level} ${message} ${JSON.stringify(fields)}\n`);
  return { debug: () => undefined, info: write('INFO'), warn: write('WARN'), error: write('ERROR') };
};

// Each Kafka client behind the bus (ADR 0015) must show the same.
describe.each(KAFKA_CLIENTS)('Kafka broker restart while events flow (%s)', (client) => {
  let stores: PipelineStores;
  let topic: string;
  let source: EventStore;
  let consumerStore: EventStore;
  let relayBus: MessageBus;
  let consumerBus: MessageBus;
  let relay: OutboxRelay;
  let subscription: Subscription | undefined;

  beforeAll(async () => {
    await kafka.start();
    topic = uniqueTopic('broker-restart');
    await ensureTopics(kafka.brokers, [
      { name: topic, partitions: 3 },
      { name: dlqTopicOf(topic), partitions: 1 },
    ]);
    stores = await openPipelineStores('messaging_broker_restart');
    ({ source, consumerStore } = stores);
    const logger = fileLogger(join(kafka.dir, 'logs', `clients-${topic}.log`));
    relayBus = createKafkaBus({ client, brokers: kafka.brokers, clientId: 'restart-relay', logger });
    consumerBus = createKafkaBus({ client, brokers: kafka.brokers, clientId: 'restart-consumer', logger });
    relay = new OutboxRelay({ store: source, bus: relayBus, pollIntervalMs: 200, logger });
  });

  afterAll(async () => {
    await subscription?.stop();
    await relay?.stop();
    await relayBus?.close();
    await consumerBus?.close();
    await stores?.close();
    await deleteTopics(kafka.brokers, [topic, dlqTopicOf(topic)]).catch(() => undefined);
    await kafka.stop();
  });

  it('loses nothing and applies nothing twice', async () => {
    const outcomes = { applied: 0, duplicate: 0 };
    relay.start();
    subscription = await subscribeReliably(consumerBus, {
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

    // A producer writing events (each with its outbox row) the whole time, kicking the relay.
    const written: string[] = [];
    let producing = true;
    const producer = (async () => {
      while (producing) {
        written.push(...(await writeEventsWithOutbox(source, topic, STREAMS, 1, written.length)));
        relay.kick();
        await new Promise((resolve) => setTimeout(resolve, 10)); // pacing the load, not waiting for anything
      }
    })();

    await eventually(() => outcomes.applied >= 100, { timeoutMs: 60_000, what: '100 events applied' });
    const stoppedAt = Date.now();
    expect(await kafka.stop()).toBe('stopped');
    const writtenWhileDown = written.length;
    await eventually(() => written.length >= writtenWhileDown + 100, { what: '100 more events written' });
    await kafka.start();
    const restartedAt = Date.now();
    const appliedAtRestart = outcomes.applied;
    await eventually(() => outcomes.applied >= appliedAtRestart + 100, {
      timeoutMs: 120_000,
      what: 'events flowing again after the restart',
    });
    const recoveredAt = Date.now();
    producing = false;
    await producer;

    await eventually(() => outcomes.applied >= written.length, {
      timeoutMs: 120_000,
      what: 'every event applied',
    });
    expect(outcomes.applied).toBe(written.length);
    // readAll shows a commit only once every older transaction in the cluster ended (other tests and
    // agents share the server): wait for the rows the outcomes above counted, then check them exactly.
    await eventually(async () => (await appliedEventIds(consumerStore)).length >= written.length, {
      what: 'the applied rows visible to readAll',
    });
    const applied = await appliedEventIds(consumerStore);
    expect(applied).toHaveLength(written.length);
    expect(new Set(applied).size).toBe(written.length);
    expect([...applied].sort()).toEqual([...written].sort());
    expect(await source.pendingOutbox(1)).toEqual([]);
    expect((await consumerBus.positions!(`${topic}.probe`, dlqTopicOf(topic)))[0].end).toBe('0');

    console.log(
      `broker restart: ${written.length} events, broker down ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s, ` +
        `flowing again ${((recoveredAt - restartedAt) / 1000).toFixed(1)} s after it was back, ` +
        `${outcomes.duplicate} duplicate deliveries skipped`,
    );
  });
});
