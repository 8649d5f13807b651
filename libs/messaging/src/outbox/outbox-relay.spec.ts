import type { EventEnvelope } from '@tminus/contracts';
import type { PendingOutboxMessage } from '@tminus/event-store';
import type { OutgoingMessage } from '../message-bus';
import { decodeEventEnvelope } from '../serde/envelope-serde';
import { eventually } from '../testing/eventually';
import { OutboxRelay } from './outbox-relay';

const envelope = (streamId: string, streamPosition: number): EventEnvelope => ({
  id: `${streamId}-${streamPosition}`,
  type: 'Something',
  schemaVersion: 1,
  source: 'test',
  streamId,
  streamPosition,
  occurredAt: '2030-01-01T00:00:00.000Z',
  correlationId: 'c',
  causationId: 'c',
  data: { n: streamPosition },
});

/** An outbox in memory: rows stay pending until marked, exactly like the store's. */
class FakeOutbox {
  private rows: PendingOutboxMessage[] = [];
  private nextId = 1;
  readonly sent = new Set<string>();
  failMarkTimes = 0;
  polls = 0;

  add(topic: string, env: EventEnvelope): void {
    this.rows.push({ outboxId: String(this.nextId++), topic, key: env.streamId, envelope: env });
  }

  async pendingOutbox(limit: number): Promise<PendingOutboxMessage[]> {
    this.polls += 1;
    return this.rows.filter((r) => !this.sent.has(r.outboxId)).slice(0, limit);
  }

  async markOutboxSent(ids: string[]): Promise<void> {
    if (this.failMarkTimes > 0) {
      this.failMarkTimes -= 1;
      throw new Error('database went away');
    }
    ids.forEach((id) => this.sent.add(id));
  }

  get pendingCount(): number {
    return this.rows.length - this.sent.size;
  }
}

class FakeBus {
  readonly published: Array<{ topic: string; message: OutgoingMessage }> = [];
  failPublishTimes = 0;
  failures = 0;

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.failPublishTimes > 0) {
      this.failures += 1;
      this.failPublishTimes -= 1;
      throw new Error('broker unavailable');
    }
    messages.forEach((message) => this.published.push({ topic, message }));
  }

  idsOn(topic: string): string[] {
    return this.published.filter((p) => p.topic === topic).map((p) => decodeEventEnvelope(p.message).id);
  }
}

describe('OutboxRelay', () => {
  let outbox: FakeOutbox;
  let bus: FakeBus;
  let relay: OutboxRelay;
  const start = (options: { pollIntervalMs?: number; batchSize?: number } = {}): void => {
    relay = new OutboxRelay({
      store: outbox,
      bus,
      pollIntervalMs: options.pollIntervalMs ?? 60_000,
      batchSize: options.batchSize,
      retryBackoff: { initialMs: 5, maxMs: 20 },
    });
    relay.start();
  };

  beforeEach(() => {
    outbox = new FakeOutbox();
    bus = new FakeBus();
  });
  afterEach(() => relay.stop());

  it('publishes every row to its topic in commit order, keyed by the outbox key, and marks them sent', async () => {
    outbox.add('events.a', envelope('s1', 1));
    outbox.add('events.b', envelope('s2', 1));
    outbox.add('events.a', envelope('s1', 2));
    outbox.add('events.b', envelope('s2', 2));
    start();

    await eventually(() => outbox.pendingCount === 0);
    expect(bus.idsOn('events.a')).toEqual(['s1-1', 's1-2']);
    expect(bus.idsOn('events.b')).toEqual(['s2-1', 's2-2']);
    expect(bus.published.map((p) => p.message.key)).toEqual(['s1', 's1', 's2', 's2']);
    expect(relay.published).toBe(4);
  });

  it('goes through a backlog larger than one batch without waiting for the poll', async () => {
    for (let n = 1; n <= 25; n++) outbox.add('events.a', envelope('s', n));
    start({ batchSize: 10 });

    await eventually(() => outbox.pendingCount === 0, { timeoutMs: 2_000 });
    expect(bus.idsOn('events.a')).toEqual(Array.from({ length: 25 }, (_, i) => `s-${i + 1}`));
  });

  it('publishes at once when kicked, not at the next poll', async () => {
    start({ pollIntervalMs: 60_000 });
    await eventually(() => outbox.polls === 1);
    outbox.add('events.a', envelope('s', 1));
    const kickedAt = Date.now();
    relay.kick();

    await eventually(() => outbox.pendingCount === 0, { intervalMs: 1 });
    expect(Date.now() - kickedAt).toBeLessThan(1_000);
  });

  it('finds rows without a kick by its safety poll', async () => {
    start({ pollIntervalMs: 20 });
    outbox.add('events.a', envelope('s', 1));
    await eventually(() => outbox.pendingCount === 0);
  });

  it('backs off when publishing fails and loses nothing', async () => {
    bus.failPublishTimes = 3;
    outbox.add('events.a', envelope('s', 1));
    outbox.add('events.a', envelope('s', 2));
    start();

    await eventually(() => outbox.pendingCount === 0);
    expect(bus.failures).toBe(3);
    expect(bus.idsOn('events.a')).toEqual(['s-1', 's-2']);
  });

  it('publishes again what it could not mark sent: at least once', async () => {
    outbox.failMarkTimes = 1;
    outbox.add('events.a', envelope('s', 1));
    start();

    await eventually(() => outbox.pendingCount === 0);
    expect(bus.idsOn('events.a')).toEqual(['s-1', 's-1']);
  });

  it('stops cleanly, and a new relay takes over what is pending', async () => {
    start();
    await relay.stop();
    outbox.add('events.a', envelope('s', 1));
    relay.kick();
    expect(bus.published).toEqual([]);

    start();
    await eventually(() => outbox.pendingCount === 0);
    expect(bus.idsOn('events.a')).toEqual(['s-1']);
  });

  it('stops promptly even while backing off', async () => {
    bus.failPublishTimes = Number.POSITIVE_INFINITY;
    outbox.add('events.a', envelope('s', 1));
    relay = new OutboxRelay({ store: outbox, bus, retryBackoff: { initialMs: 60_000, maxMs: 60_000 } });
    relay.start();
    await eventually(() => bus.failures === 1);
    const stoppingAt = Date.now();
    await relay.stop();
    expect(Date.now() - stoppingAt).toBeLessThan(1_000);
    expect(outbox.pendingCount).toBe(1);
  });
});
