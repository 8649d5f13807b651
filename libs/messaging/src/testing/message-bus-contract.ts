import { randomUUID } from 'node:crypto';
import { dlqTopicOf } from '@tminus/contracts';
import { DLQ_HEADERS } from '../dead-letters/dead-letter-headers';
import { subscribeReliably } from '../dead-letters/reliable-consumer';
import { replayDeadLetters } from '../dead-letters/replay-dead-letters';
import type {
  IncomingMessage,
  MessageBus,
  MessageHandler,
  OutgoingMessage,
  Subscription,
} from '../message-bus';
import { MalformedMessageError } from '../serde/malformed-message-error';
import { eventually } from './eventually';

/** One transport under test: Kafka against a real broker, or the in-process bus on a temp file. */
export interface BusFixture {
  /** A new client on the same log (a new process, in effect). The suite closes what it opens. */
  connect(): Promise<MessageBus>;
  /** A topic no other test uses, with `partitions` partitions, and its dead-letter topic. */
  createTopic(partitions: number): Promise<string>;
  dispose(): Promise<void>;
}

export interface ContractOptions {
  /** How long to wait for deliveries (a Kafka group join takes seconds). */
  readonly waitMs: number;
}

interface Received {
  readonly id: number;
  readonly key: string;
  readonly partition: number;
}

const message = (key: string, id: number, headers: Record<string, string> = {}): OutgoingMessage => ({
  key,
  value: Buffer.from(JSON.stringify({ id })),
  headers: { 'x-id': String(id), ...headers },
});

const idOf = (m: IncomingMessage): number => (JSON.parse(m.value.toString('utf8')) as { id: number }).id;

/**
 * The guarantees every MessageBus gives the application: per-key order, redelivery of what a
 * handler did not finish, one position per group, resumption after a restart, and (with the
 * reliable consumer) poison messages moved aside without blocking their partition.
 */
export function describeMessageBusContract(
  name: string,
  createFixture: () => Promise<BusFixture>,
  options: ContractOptions = { waitMs: 10_000 },
): void {
  describe(`${name} (MessageBus contract)`, () => {
    let fixture: BusFixture;
    // Kafka group ids are cluster-wide: a fresh suffix per test keeps runs and tests apart.
    let run = '';
    const group = (name: string): string => `${name}.${run}`;
    const opened: MessageBus[] = [];
    const subscriptions: Subscription[] = [];

    const connect = async (): Promise<MessageBus> => {
      const bus = await fixture.connect();
      opened.push(bus);
      return bus;
    };
    const subscribe = async (
      bus: MessageBus,
      groupId: string,
      topics: string[],
      handle: MessageHandler,
    ): Promise<Subscription> => {
      const subscription = await bus.subscribe({ groupId, topics, fromBeginning: true, handle });
      subscriptions.push(subscription);
      return subscription;
    };
    const until = (condition: () => boolean, what: string) =>
      eventually(condition, { timeoutMs: options.waitMs, what });

    beforeEach(async () => {
      run = randomUUID().slice(0, 8);
      fixture = await createFixture();
    });

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
      await Promise.all(opened.splice(0).map((b) => b.close()));
      await fixture.dispose();
    });

    it('delivers the messages of each key in publish order, each key always from one partition', async () => {
      const bus = await connect();
      const topic = await fixture.createTopic(3);
      const keys = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'];
      for (let round = 0; round < 4; round++) {
        // Each publish interleaves keys and holds several messages of one key.
        await bus.publish(
          topic,
          keys.flatMap((key, k) => [
            message(key, round * 100 + k * 2),
            message(key, round * 100 + k * 2 + 1),
          ]),
        );
      }
      const received: Received[] = [];
      await subscribe(bus, group('order'), [topic], async (m) => {
        received.push({ id: idOf(m), key: m.key, partition: m.partition });
      });

      await until(() => received.length >= 48, '48 messages');
      for (const key of keys) {
        const ofKey = received.filter((r) => r.key === key);
        const k = keys.indexOf(key);
        expect(ofKey.map((r) => r.id)).toEqual(
          [0, 1, 2, 3].flatMap((round) => [round * 100 + k * 2, round * 100 + k * 2 + 1]),
        );
        expect(new Set(ofKey.map((r) => r.partition)).size).toBe(1);
      }
      expect(new Set(received.map((r) => r.partition)).size).toBeGreaterThan(1);
    });

    it('delivers a message again when its handler fails, before any later message of its partition', async () => {
      const bus = await connect();
      const topic = await fixture.createTopic(1);
      await bus.publish(
        topic,
        [0, 1, 2, 3, 4].map((id) => message('same-key', id)),
      );
      const deliveries: number[] = [];
      let failedOnce = false;
      await subscribe(bus, group('redelivery'), [topic], async (m) => {
        deliveries.push(idOf(m));
        if (idOf(m) === 2 && !failedOnce) {
          failedOnce = true;
          throw new Error('transient failure');
        }
      });

      await until(() => deliveries.includes(4), 'the last message');
      expect(deliveries).toEqual([0, 1, 2, 2, 3, 4]);
    });

    it('hands what was fetched to a batch handler in order, and one by one after the batch handler failed', async () => {
      const bus = await connect();
      const topic = await fixture.createTopic(1);
      await bus.publish(
        topic,
        [0, 1, 2, 3, 4, 5].map((id) => message('same-key', id)),
      );
      const handled: number[] = [];
      const batches: number[][] = [];
      let failBatches = 1;
      subscriptions.push(
        await bus.subscribe({
          groupId: group('batches'),
          topics: [topic],
          fromBeginning: true,
          handle: async (m) => void handled.push(idOf(m)),
          handleBatch: async (messages) => {
            batches.push(messages.map(idOf));
            if (failBatches-- > 0) throw new Error('the batch gives up');
            handled.push(...messages.map(idOf));
          },
        }),
      );
      await until(() => handled.includes(5), 'the last message');
      // However the bus split the partition into batches: each message once, in order (the failed batch went one by one).
      expect(handled).toEqual([0, 1, 2, 3, 4, 5]);
      expect(batches.flat()[0]).toBe(0);
      expect(batches[0].length).toBeGreaterThan(1);
    });

    it('does not move the position past a message whose handler failed', async () => {
      const topic = await fixture.createTopic(1);
      const first = await connect();
      await first.publish(
        topic,
        [0, 1, 2, 3].map((id) => message('same-key', id)),
      );
      const seenFirst: number[] = [];
      const failing = await subscribe(first, group('no-commit'), [topic], async (m) => {
        seenFirst.push(idOf(m));
        if (idOf(m) === 2) throw new Error('always fails in the first consumer');
      });
      await until(() => seenFirst.includes(2), 'the failing message');
      await failing.stop();

      const second = await connect();
      const seenSecond: number[] = [];
      await subscribe(second, group('no-commit'), [topic], async (m) => {
        seenSecond.push(idOf(m));
      });
      await until(() => seenSecond.includes(3), 'the rest of the partition');
      expect(seenFirst.slice(0, 3)).toEqual([0, 1, 2]);
      expect(seenSecond).toEqual([2, 3]);
    });

    it('gives every consumer group all the messages, each at its own position', async () => {
      const bus = await connect();
      const topic = await fixture.createTopic(2);
      await bus.publish(
        topic,
        Array.from({ length: 20 }, (_, id) => message(`key-${id % 5}`, id)),
      );
      const byGroup: Record<string, number[]> = { a: [], b: [] };
      await subscribe(bus, group('group-a'), [topic], async (m) => void byGroup.a.push(idOf(m)));
      await until(() => byGroup.a.length >= 20, 'group a');
      await subscribe(bus, group('group-b'), [topic], async (m) => void byGroup.b.push(idOf(m)));
      await until(() => byGroup.b.length >= 20, 'group b');

      const all = Array.from({ length: 20 }, (_, id) => id);
      expect([...byGroup.a].sort((x, y) => x - y)).toEqual(all);
      expect([...byGroup.b].sort((x, y) => x - y)).toEqual(all);
    });

    it('starts a new group that does not read from the beginning at the end, as of subscribe()', async () => {
      const bus = await connect();
      const topic = await fixture.createTopic(2);
      await bus.publish(topic, [message('a', 0), message('b', 1)]);
      const seen: number[] = [];
      subscriptions.push(
        await bus.subscribe({
          groupId: group('latest'),
          topics: [topic],
          fromBeginning: false,
          handle: async (m) => void seen.push(idOf(m)),
        }),
      );
      // Published at once, before the consumer has fetched anything: must not be skipped.
      await bus.publish(topic, [message('a', 2), message('b', 3)]);
      await until(() => seen.length >= 2, 'the two later messages');
      expect([...seen].sort()).toEqual([2, 3]);
    });

    it('resumes a restarted consumer from its group position', async () => {
      const topic = await fixture.createTopic(1);
      const before = await connect();
      await before.publish(
        topic,
        [0, 1, 2, 3, 4].map((id) => message('k', id)),
      );
      const seenBefore: number[] = [];
      const consumer = await subscribe(
        before,
        group('resume'),
        [topic],
        async (m) => void seenBefore.push(idOf(m)),
      );
      await until(() => seenBefore.length >= 5, 'the first five');
      await consumer.stop();
      await before.close();

      const after = await connect();
      // The last message marks the end: per-partition order means everything before it was delivered.
      await after.publish(
        topic,
        [5, 6, 7, 8, 9, 10].map((id) => message('k', id)),
      );
      const seenAfter: number[] = [];
      await subscribe(after, group('resume'), [topic], async (m) => void seenAfter.push(idOf(m)));
      await until(() => seenAfter.includes(10), 'the end marker');

      expect(seenBefore).toEqual([0, 1, 2, 3, 4]);
      expect(seenAfter).toEqual([5, 6, 7, 8, 9, 10]);
    });

    it('moves a poison message and an always-failing one to the dead-letter topic, and keeps the partition flowing', async () => {
      const bus = await connect();
      const topic = await fixture.createTopic(1);
      await bus.publish(topic, [
        message('k', 0),
        message('k', 1, { poison: 'yes' }),
        message('k', 2),
        message('k', 3, { fails: 'always' }),
        message('k', 4),
      ]);
      const processed: number[] = [];
      const attempts = new Map<number, number>();
      subscriptions.push(
        await subscribeReliably(bus, {
          groupId: group('app'),
          topics: [topic],
          fromBeginning: true,
          maxAttempts: 3,
          retryBackoff: { initialMs: 5, maxMs: 20 },
          handle: async (m) => {
            const id = idOf(m);
            attempts.set(id, (attempts.get(id) ?? 0) + 1);
            if (m.headers.poison) throw new MalformedMessageError(['header ce_id is missing']);
            if (m.headers.fails) throw new Error('database said no');
            processed.push(id);
          },
        }),
      );
      const dead: IncomingMessage[] = [];
      await subscribe(bus, group('dlq-reader'), [dlqTopicOf(topic)], async (m) => void dead.push(m));

      await until(() => processed.includes(4) && dead.length >= 2, 'the partition to drain');
      expect(processed).toEqual([0, 2, 4]);
      expect(attempts.get(1)).toBe(1);
      expect(attempts.get(3)).toBe(3);
      expect(dead.map(idOf)).toEqual([1, 3]);
      expect(dead[0].key).toBe('k');
      expect(dead[0].headers).toMatchObject({
        poison: 'yes',
        'x-id': '1',
        [DLQ_HEADERS.error]: 'MalformedMessageError: Malformed message: header ce_id is missing',
        [DLQ_HEADERS.errorType]: 'MalformedMessageError',
        [DLQ_HEADERS.originalTopic]: topic,
        [DLQ_HEADERS.originalPartition]: '0',
        [DLQ_HEADERS.originalOffset]: '1',
        [DLQ_HEADERS.attempts]: '1',
        [DLQ_HEADERS.groupId]: group('app'),
      });
      expect(Date.parse(dead[0].headers[DLQ_HEADERS.failedAt])).not.toBeNaN();
      expect(dead[1].headers).toMatchObject({
        [DLQ_HEADERS.error]: 'Error: database said no',
        [DLQ_HEADERS.originalOffset]: '3',
        [DLQ_HEADERS.attempts]: '3',
      });
    });

    it('replays dead letters to their original topic once, without the dlq_ headers', async () => {
      const bus = await connect();
      const topic = await fixture.createTopic(1);
      let healed = false;
      const processed: IncomingMessage[] = [];
      subscriptions.push(
        await subscribeReliably(bus, {
          groupId: group('app'),
          topics: [topic],
          fromBeginning: true,
          maxAttempts: 1,
          handle: async (m) => {
            if (m.headers.fails && !healed) throw new Error('not yet');
            processed.push(m);
          },
        }),
      );
      await bus.publish(topic, [
        message('k', 0, { fails: 'until healed' }),
        message('k', 1, { fails: 'x' }),
        message('k', 2),
      ]);
      await until(() => processed.some((m) => idOf(m) === 2), 'the healthy message');
      await eventually(async () => (await bus.positions!(group('probe'), dlqTopicOf(topic)))[0].end === '2', {
        timeoutMs: options.waitMs,
        what: 'two dead letters',
      });

      healed = true;
      const limited = await replayDeadLetters({ bus, topic, groupId: group('replay'), maxMessages: 1 });
      expect(limited).toEqual({ replayed: 1, remaining: 1 });
      const rest = await replayDeadLetters({ bus, topic, groupId: group('replay') });
      expect(rest).toEqual({ replayed: 1, remaining: 0 });
      const again = await replayDeadLetters({ bus, topic, groupId: group('replay') });
      expect(again).toEqual({ replayed: 0, remaining: 0 });

      await until(() => processed.length >= 3, 'the replayed messages');
      expect(processed.map(idOf)).toEqual([2, 0, 1]);
      const replayed = processed[1];
      expect(replayed.key).toBe('k');
      expect(replayed.headers).toEqual({ 'x-id': '0', fails: 'until healed' });
    });
  });
}
