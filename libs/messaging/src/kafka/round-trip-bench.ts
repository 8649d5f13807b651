/**
 * Kafka alone, for `npm run bench:load`: an open-loop produce → consume round trip on a throwaway
 * topic of the given broker, either with kafkajs used directly (its defaults, as a peer of our own
 * code) or through {@link KafkaBus} (our settings, batcher and subscription loop). It lives here
 * because only libs/messaging may import kafkajs. Latency is measured from each message's
 * *scheduled* send time, so a stalled client cannot hide its own backlog (coordinated omission).
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { deleteTopics, ensureTopics } from './kafka-admin';
import { KafkaBus } from './kafka-bus';

export type RoundTripClient = 'kafkajs' | 'kafka-bus';

export interface RoundTripOptions {
  readonly brokers: readonly string[];
  readonly client: RoundTripClient;
  readonly ratePerSecond: number;
  readonly seconds: number;
  /** Sent first and not recorded (connections, metadata, JIT). */
  readonly warmupSeconds: number;
  /** Keys spread over the topic's partitions (default 6, as the contract's event topics). */
  readonly partitions?: number;
  /** How long to wait for the last messages after the schedule ended (default 10 s). */
  readonly drainMs?: number;
}

export interface RoundTripResult {
  /** Per received message of the measured window: receive − scheduled send, in ms. */
  readonly latenciesMs: number[];
  /** Per acknowledged send of the measured window: acknowledgement − scheduled send, in ms. */
  readonly sendLatenciesMs: number[];
  readonly sent: number;
  readonly received: number;
  readonly failedSends: number;
  /** Messages received per second of the measured schedule. */
  readonly perSecond: number;
}

interface Transport {
  start(onValue: (value: Buffer) => void): Promise<void>;
  send(key: string, value: Buffer): Promise<void>;
  stop(): Promise<void>;
}

export async function measureKafkaRoundTrip(options: RoundTripOptions): Promise<RoundTripResult> {
  const topic = `bench.roundtrip.${randomUUID().slice(0, 8)}`;
  const partitions = options.partitions ?? 6;
  await ensureTopics(options.brokers, [{ name: topic, partitions }]);
  const transport =
    options.client === 'kafkajs'
      ? kafkajsTransport(options.brokers, topic)
      : busTransport(options.brokers, topic);
  // Index → scheduled time; only the measured window's messages are recorded.
  const latencies: number[] = [];
  const sendLatencies: number[] = [];
  let received = 0;
  let measuredFrom = Number.POSITIVE_INFINITY;
  let allReceived: () => void = () => undefined;
  let expected = Number.POSITIVE_INFINITY;
  const done = new Promise<void>((resolve) => (allReceived = resolve));
  try {
    await transport.start((value) => {
      const scheduled = value.readDoubleBE(0);
      if (scheduled >= measuredFrom) latencies.push(performance.now() - scheduled);
      if (++received >= expected) allReceived();
    });
    let failedSends = 0;
    const warmup = Math.round(options.warmupSeconds * options.ratePerSecond);
    const measured = Math.round(options.seconds * options.ratePerSecond);
    const interval = 1000 / options.ratePerSecond;
    const start = performance.now();
    measuredFrom = start + warmup * interval;
    expected = warmup + measured;
    for (let i = 0; i < expected; i++) {
      const scheduled = start + i * interval;
      const wait = scheduled - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const value = Buffer.alloc(64);
      value.writeDoubleBE(scheduled, 0);
      // Open loop: the next send does not wait for this one.
      transport.send(`key-${i % (partitions * 8)}`, value).then(
        () => scheduled >= measuredFrom && sendLatencies.push(performance.now() - scheduled),
        () => failedSends++,
      );
    }
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, options.drainMs ?? 10_000))]);
    return {
      latenciesMs: latencies,
      sendLatenciesMs: sendLatencies,
      sent: measured,
      received: latencies.length,
      failedSends,
      perSecond: latencies.length / options.seconds,
    };
  } finally {
    await transport.stop().catch(() => undefined);
    await deleteTopics(options.brokers, [topic]).catch(() => undefined);
  }
}

/** kafkajs with its defaults (acks from all replicas, no idempotence), eachMessage. */
function kafkajsTransport(brokers: readonly string[], topic: string): Transport {
  const kafka = new Kafka({ clientId: 'bench-roundtrip', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `bench-roundtrip-${randomUUID()}`, maxWaitTimeInMs: 100 });
  return {
    async start(onValue) {
      await Promise.all([producer.connect(), consumer.connect()]);
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
      await consumer.run({
        partitionsConsumedConcurrently: 6,
        eachMessage: async ({ message }) => {
          if (message.value) onValue(message.value);
        },
      });
      await joined;
    },
    async send(key, value) {
      await producer.send({ topic, messages: [{ key, value }] });
    },
    async stop() {
      await Promise.all([producer.disconnect(), consumer.disconnect()]);
    },
  };
}

/** The project's bus: idempotent producer with its batcher, the batch-aware subscription loop. */
function busTransport(brokers: readonly string[], topic: string): Transport {
  const bus = new KafkaBus({ brokers, clientId: 'bench-roundtrip' });
  return {
    async start(onValue) {
      await bus.subscribe({
        groupId: `bench-roundtrip-${randomUUID()}`,
        topics: [topic],
        fromBeginning: true,
        partitionsConsumedConcurrently: 6,
        handle: async (message) => onValue(message.value),
        handleBatch: async (messages) => messages.forEach((message) => onValue(message.value)),
      });
    },
    send: (key, value) => bus.publish(topic, [{ key, value, headers: {} }]),
    stop: () => bus.close(),
  };
}
