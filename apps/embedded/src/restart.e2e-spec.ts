import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { EmbeddedProcess } from './client/embedded-process';
import { GraphqlClient } from './client/graphql-client';
import { BusProbe } from './testing/bus-probe';
import {
  createChecklistFixture,
  itemStates,
  launchHistory,
  TICK,
  type ChecklistFixture,
} from './testing/launch-fixture';
import { streamTicks, type TickStream, type TickStreamResult } from './testing/tick-stream';

/**
 * The embedded process (SQLite + the in-process bus) is stopped in the middle of a stream of
 * tickItem mutations and started again on the same data directory: every acknowledged tick must be
 * there exactly once, and every other one absent or applied once.
 */
describe('embedded mode: a restart loses nothing', () => {
  const ITEMS = 40;
  const CONCURRENCY = 4;
  const STOP_AFTER_ACKS = 10;
  const BATCHING_CONCURRENCY = 16;
  let dataDir: string;
  const processes: EmbeddedProcess[] = [];

  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'tminus-restart-'))));
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.kill('SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (): Promise<{ running: EmbeddedProcess; client: GraphqlClient }> => {
    const running = await EmbeddedProcess.start({ dataDir, env: { LOG_LEVEL: 'warn' } });
    processes.push(running);
    return {
      running,
      client: new GraphqlClient({ url: running.graphqlUrl, token: await running.adminToken() }),
    };
  };

  const titles = (count: number) => Array.from({ length: count }, (_, i) => `restart item ${i + 1}`);

  interface Stopped {
    readonly fixture: ChecklistFixture;
    readonly ticks: TickStreamResult;
    /** TickItem commands the gateway had put on the bus when the process stopped. */
    readonly ticksInLog: number;
  }

  async function stopMidStream(signal: 'SIGKILL' | 'SIGTERM', concurrency = CONCURRENCY): Promise<Stopped> {
    const { running, client } = await start();
    // One more item than ticked: the sentinel, ticked after the restart.
    const fixture = await createChecklistFixture(client, titles(ITEMS + 1));
    const probe = new BusProbe(join(dataDir, 'bus.db'));
    const ticksInLog = () => probe.published('tminus.checklists.commands', 'TickItem');
    try {
      const stream = streamTicks(
        client,
        fixture.items.slice(0, ITEMS).map((item) => item.id),
        concurrency,
      );
      await stream.acknowledgedAtLeast(STOP_AFTER_ACKS);
      const exitCode =
        signal === 'SIGKILL'
          ? await crashWithTicksInFlight(running, stream, ticksInLog)
          : await running.kill(signal);
      const ticks = await stream.finished;

      if (signal === 'SIGTERM') expect(exitCode).toBe(0);
      // Stopped mid-stream: ticks were in flight, and some were never sent.
      expect(ticks.unacknowledged.size).toBeGreaterThan(0);
      expect(ticks.unsent.size).toBeGreaterThan(0);
      return { fixture, ticks, ticksInLog: ticksInLog() };
    } finally {
      probe.close();
    }
  }

  /**
   * kill -9 at a moment with TickItem commands in the durable log that were not answered yet: the
   * process is frozen (SIGSTOP) so nothing moves while the log is read, killed if the moment is
   * right, thawed to try again if not.
   */
  async function crashWithTicksInFlight(
    running: EmbeddedProcess,
    stream: TickStream,
    ticksInLog: () => number,
  ): Promise<number | null> {
    for (;;) {
      if (stream.acknowledgedCount() >= ITEMS)
        throw new Error('the stream ended before a tick was in flight');
      running.freeze();
      // Answers already on the wire still arrive: let them, before comparing.
      for (let turn = 0; turn < 5; turn++) await nextTurn();
      if (ticksInLog() > stream.acknowledgedCount()) return running.kill('SIGKILL');
      running.thaw();
      await nextTurn();
    }
  }

  async function expectNothingLost({ fixture, ticks, ticksInLog }: Stopped): Promise<void> {
    const { client } = await start();
    // Commands of one checklist share a partition, in order: once the sentinel's tick is acknowledged,
    // every tick sent before the stop has been applied or will never be.
    const sentinel = fixture.items[ITEMS];
    const { tickItem } = await client.request<{ tickItem: { state: string } }>(TICK, {
      input: { itemId: sentinel.id },
    });
    expect(tickItem.state).toBe('DONE');

    const states = new Map((await itemStates(client, fixture.launchId)).map((item) => [item.id, item.state]));
    const history = await launchHistory(client, fixture.launchId);
    const tickedEvents = (title: string) =>
      history.filter(
        (entry) => entry.type === 'ChecklistItemTicked' && entry.summary.includes(`'${title}' done by`),
      ).length;

    for (const item of fixture.items.slice(0, ITEMS)) {
      const observed = { item: item.title, state: states.get(item.id), ticked: tickedEvents(item.title) };
      if (ticks.acknowledged.has(item.id)) {
        expect(observed).toEqual({ item: item.title, state: 'DONE', ticked: 1 });
      } else if (ticks.unacknowledged.has(item.id)) {
        // Applied once, or not at all.
        expect([
          { item: item.title, state: 'DONE', ticked: 1 },
          { item: item.title, state: 'OPEN', ticked: 0 },
        ]).toContainEqual(observed);
      } else {
        expect(observed).toEqual({ item: item.title, state: 'OPEN', ticked: 0 });
      }
    }
    expect(tickedEvents(sentinel.title)).toBe(1);
    // At-least-once from the log, once by idempotency: every tick that reached the bus was applied,
    // answered or not; none that did not reach it was.
    const done = fixture.items.slice(0, ITEMS).filter((item) => states.get(item.id) === 'DONE').length;
    expect(done).toBe(ticksInLog);
  }

  it('keeps every acknowledged tick exactly once across kill -9', async () => {
    await expectNothingLost(await stopMidStream('SIGKILL'));
  });

  it('keeps every acknowledged tick exactly once across kill -9 during batched commands', async () => {
    // 16 ticks of one checklist in flight: they queue in its partition, and the command consumer takes
    // them as batches, each committed in one transaction (CommandProcessor.handleBatch).
    await expectNothingLost(await stopMidStream('SIGKILL', BATCHING_CONCURRENCY));
  });

  it('keeps every acknowledged tick exactly once across a graceful SIGTERM restart', async () => {
    await expectNothingLost(await stopMidStream('SIGTERM'));
  });
});
