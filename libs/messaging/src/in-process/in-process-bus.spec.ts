import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from '../message-bus';
import { eventually } from '../testing/eventually';
import { describeMessageBusContract } from '../testing/message-bus-contract';
import { InProcessBus } from './in-process-bus';
import { SqliteLog } from './sqlite-log';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'tminus-bus-'));
const fastRedelivery = { initialMs: 10, maxMs: 50 };

describeMessageBusContract(
  'InProcessBus',
  async () => {
    const dir = tempDir();
    const partitions = new Map<string, number>();
    let topics = 0;
    return {
      connect: async () =>
        new InProcessBus({
          filename: join(dir, 'bus.sqlite'),
          partitionsOf: (topic) => partitions.get(topic) ?? 1,
          redeliveryBackoff: fastRedelivery,
        }),
      createTopic: async (count) => {
        const topic = `test.topic-${++topics}`;
        partitions.set(topic, count);
        return topic;
      },
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  { waitMs: 4_000 },
);

describe('InProcessBus', () => {
  let dir: string;
  const buses: InProcessBus[] = [];
  const open = (partitionsOf?: (topic: string) => number): InProcessBus => {
    const bus = new InProcessBus({
      filename: join(dir, 'bus.sqlite'),
      partitionsOf,
      redeliveryBackoff: fastRedelivery,
    });
    buses.push(bus);
    return bus;
  };
  const msg = (key: string, n: number) => ({ key, value: Buffer.from(String(n)), headers: {} });

  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((b) => b.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it("takes partition counts from the contracts, and keeps a topic's count once it is used", async () => {
    const bus = open();
    expect((await bus.positions('g', 'tminus.launches.events')).length).toBe(6);
    expect((await bus.positions('g', 'tminus.launches.events.dlq')).length).toBe(1);
    expect((await bus.positions('g', 'some.other.topic')).length).toBe(1);
    await bus.close();

    const reconfigured = open(() => 9);
    expect((await reconfigured.positions('g', 'tminus.launches.events')).length).toBe(6);
    expect((await reconfigured.positions('g', 'brand.new.topic')).length).toBe(9);
  });

  it('wakes a waiting consumer as soon as a message is published', async () => {
    const bus = open();
    const received: number[] = [];
    await bus.subscribe({ groupId: 'g', topics: ['t'], handle: async () => void received.push(Date.now()) });
    await new Promise((resolve) => setImmediate(resolve));
    const publishedAt = Date.now();
    await bus.publish('t', [msg('k', 1)]);
    await eventually(() => received.length === 1, { intervalMs: 1 });
    expect(received[0] - publishedAt).toBeLessThan(50);
  });

  it('hands what this process publishes to a caught-up consumer without reading the log back', async () => {
    const bus = open(() => 6);
    const received: string[] = [];
    await bus.subscribe({ groupId: 'g', topics: ['t'], handle: async (m) => void received.push(m.key) });
    await bus.publish('t', [msg('warm-up', 0)]);
    await eventually(() => received.length === 1);
    await new Promise((resolve) => setImmediate(resolve));
    const reads = jest.spyOn(SqliteLog.prototype, 'read');
    try {
      for (let n = 1; n <= 5; n++) {
        await bus.publish('t', [msg('k', n)]);
        await eventually(() => received.length === n + 1, { intervalMs: 1 });
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Neither the consumer of k's partition nor those of the five other partitions read anything.
      expect(reads).not.toHaveBeenCalled();
      expect(received).toEqual(['warm-up', 'k', 'k', 'k', 'k', 'k']);
    } finally {
      reads.mockRestore();
    }
  });

  it('starts a new group at the end when it does not read from the beginning', async () => {
    const bus = open();
    await bus.publish('t', [msg('k', 1)]);
    const received: string[] = [];
    await bus.subscribe({
      groupId: 'late',
      topics: ['t'],
      fromBeginning: false,
      handle: async (m) => void received.push(m.value.toString()),
    });
    await bus.publish('t', [msg('k', 2)]);
    await eventually(() => received.length > 0);
    expect(received).toEqual(['2']);
  });

  it('gives each partition to one member of a group, and hands it over when that member stops', async () => {
    const bus = open(() => 1);
    const byMember: Record<string, string[]> = { first: [], second: [] };
    const member = (name: string) => async (m: IncomingMessage) =>
      void byMember[name].push(m.value.toString());
    const first = await bus.subscribe({ groupId: 'g', topics: ['t'], handle: member('first') });
    await bus.subscribe({ groupId: 'g', topics: ['t'], handle: member('second') });
    await bus.publish('t', [msg('k', 1), msg('k', 2)]);
    await eventually(() => byMember.first.length === 2);

    await first.stop();
    await bus.publish('t', [msg('k', 3)]);
    await eventually(() => byMember.second.length === 1);
    expect(byMember).toEqual({ first: ['1', '2'], second: ['3'] });
  });

  it('reports where a group stands', async () => {
    const bus = open(() => 1);
    await bus.publish('t', [msg('k', 1), msg('k', 2), msg('k', 3)]);
    expect(await bus.positions('g', 't')).toEqual([{ partition: 0, next: '0', end: '3' }]);
    let seen = 0;
    await bus.subscribe({ groupId: 'g', topics: ['t'], handle: async () => void seen++ });
    await eventually(() => seen === 3);
    await eventually(async () => (await bus.positions('g', 't'))[0].next === '3');
  });

  it('refuses to publish once closed', async () => {
    const bus = open();
    await bus.close();
    await expect(bus.publish('t', [msg('k', 1)])).rejects.toThrow('closed');
  });
});

describe('InProcessBus across processes', () => {
  it("keeps a partition's order when another process appends between this process's publishes", async () => {
    const dir = tempDir();
    const filename = join(dir, 'bus.sqlite');
    const bus = new InProcessBus({ filename, partitionsOf: () => 1, externalPollIntervalMs: 20 });
    try {
      const received: string[] = [];
      await bus.subscribe({ groupId: 'g', topics: ['t'], handle: async (m) => void received.push(m.key) });
      await bus.publish('t', [{ key: 'here-1', value: Buffer.from('1'), headers: {} }]);
      await eventually(() => received.length === 1);
      const otherProcess = new SqliteLog(filename);
      otherProcess.append('t', [{ key: 'elsewhere-2', value: Buffer.from('2'), headers: {} }], () => 0);
      otherProcess.close();
      await bus.publish('t', [{ key: 'here-3', value: Buffer.from('3'), headers: {} }]);
      await eventually(() => received.length === 3);
      expect(received).toEqual(['here-1', 'elsewhere-2', 'here-3']);
    } finally {
      await bus.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('delivers what another connection appended to the file', async () => {
    const dir = tempDir();
    const filename = join(dir, 'bus.sqlite');
    const consumerSide = new InProcessBus({ filename, externalPollIntervalMs: 20 });
    try {
      const received: string[] = [];
      await consumerSide.subscribe({
        groupId: 'g',
        topics: ['t'],
        handle: async (m) => void received.push(m.key),
      });
      // A second SqliteLog on the file stands in for another process: it shares no wake-up channel.
      const otherProcess = new SqliteLog(filename);
      otherProcess.partitionsOf('t', () => 1);
      otherProcess.append('t', [{ key: 'from-elsewhere', value: Buffer.from('x'), headers: {} }], () => 0);
      otherProcess.close();

      await eventually(() => received.length === 1);
      expect(received).toEqual(['from-elsewhere']);
    } finally {
      await consumerSide.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
