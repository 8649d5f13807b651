import { DomainError, type CommandEnvelope, type EventEnvelope, type LaunchEvent } from '@tminus/contracts';
import type { RecordedEvent } from '@tminus/event-store';
import type { CommandResult, CommandSink, HandledCommand } from '@tminus/service-kit';
import { launchDecider } from '../domain';
import { inHypercare, incidentReported, LAUNCH_ID } from '../domain/launch/launch.fixtures';
import { HypercareEndScheduler } from './hypercare-end-scheduler';

// inHypercare's hypercare ends 2026-04-15T08:00:00Z.
const END = Date.parse('2026-04-15T08:00:00.000Z');

/** The launches service reduced to its decider and an in-memory stream: no infrastructure. */
class FakeLaunches implements CommandSink {
  readonly events: RecordedEvent[] = [];
  readonly actors: string[] = [];
  observer: (handled: HandledCommand) => void = () => undefined;

  seed(events: LaunchEvent[]): void {
    for (const event of events) this.record(event, 'maria');
  }

  reads = 0;
  readonly readStream = async (streamId: string): Promise<RecordedEvent[]> => {
    this.reads++;
    return this.events.filter((e) => e.streamId === streamId);
  };
  readonly readAll = async (): Promise<RecordedEvent[]> => this.events;

  async handle(command: CommandEnvelope): Promise<CommandResult> {
    const state = (await this.readStream(LAUNCH_ID)).reduce(
      (s, e) => launchDecider.evolve(s, e as unknown as LaunchEvent),
      launchDecider.initialState(),
    );
    try {
      const decided = launchDecider.decide({ type: command.type, data: command.payload } as never, state, {
        now: new Date(),
        actor: command.actor,
      });
      const events = decided.map((event) => this.record(event, command.actor.userId));
      const result: CommandResult = { status: 'ACCEPTED', events, attempts: 1 };
      this.observer({ service: 'launches', type: command.type, result, durationMs: 0 });
      return result;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { status: 'REJECTED', code: error.code, message: error.message, events: [], attempts: 1 };
    }
  }

  private record(event: LaunchEvent, by: string): RecordedEvent {
    const recorded = {
      type: event.type,
      data: event.data,
      streamId: LAUNCH_ID,
      streamPosition: this.events.length + 1,
      globalPosition: String(this.events.length + 1).padStart(8, '0'),
      actor: { userId: by, role: 'SYSTEM' },
    } as unknown as RecordedEvent & EventEnvelope;
    this.events.push(recorded);
    return recorded;
  }

  types(): string[] {
    return this.events.map((e) => e.type);
  }
}

describe('HypercareEndScheduler', () => {
  let launches: FakeLaunches;
  let scheduler: HypercareEndScheduler;

  beforeEach(() => {
    jest.useFakeTimers({ now: END - 60_000 });
    launches = new FakeLaunches();
  });

  afterEach(() => {
    scheduler?.stop();
    jest.useRealTimers();
  });

  const startScheduler = async (): Promise<void> => {
    scheduler = new HypercareEndScheduler({
      store: launches,
      commands: launches,
      logger: { error: jest.fn() },
    });
    launches.observer = scheduler.observe;
    await scheduler.start();
  };
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };

  it('closes the launch when hypercare ends, as system:hypercare, and not before', async () => {
    launches.seed(inHypercare);
    await startScheduler();

    await jest.advanceTimersByTimeAsync(59_000);
    expect(launches.types()).not.toContain('LaunchClosed');

    await jest.advanceTimersByTimeAsync(2_000);
    await settle();
    expect(launches.events.at(-1)).toMatchObject({
      type: 'LaunchClosed',
      actor: { userId: 'system:hypercare' },
    });
    expect(scheduler.scheduledCount).toBe(0);
  });

  it('closes at once on start when hypercare ended while the service was down', async () => {
    launches.seed(inHypercare);
    jest.setSystemTime(END + 3_600_000);
    await startScheduler();
    await jest.advanceTimersByTimeAsync(10);
    await settle();
    expect(launches.types().at(-1)).toBe('LaunchClosed');
  });

  it('records why the launch stays open, then closes once the SEV1 is resolved', async () => {
    launches.seed([...inHypercare, incidentReported('inc-1', 'SEV1')]);
    await startScheduler();
    await jest.advanceTimersByTimeAsync(61_000);
    await settle();
    expect(launches.types().slice(-1)).toEqual(['HypercareOverrun']);
    expect(scheduler.scheduledCount).toBe(0);

    await launches.handle({
      commandId: 'c-resolve',
      type: 'ResolveIncident',
      aggregateId: LAUNCH_ID,
      actor: { userId: 'sam', role: 'LAUNCH_MANAGER' },
      correlationId: 'c-resolve',
      issuedAt: new Date().toISOString(),
      payload: { launchId: LAUNCH_ID, incidentId: 'inc-1' },
    });
    await settle();
    await jest.advanceTimersByTimeAsync(10);
    await settle();
    expect(launches.types().slice(-2)).toEqual(['IncidentResolved', 'LaunchClosed']);
  });

  it('does not re-read the stream for each incident while hypercare runs (an alert burst)', async () => {
    launches.seed(inHypercare);
    await startScheduler();
    const reads = launches.reads;
    for (let i = 0; i < 50; i++) {
      await launches.handle({
        commandId: `c-${i}`,
        type: 'ReportIncident',
        aggregateId: LAUNCH_ID,
        actor: { userId: 'sam', role: 'LAUNCH_MANAGER' },
        correlationId: `c-${i}`,
        issuedAt: new Date().toISOString(),
        payload: { launchId: LAUNCH_ID, incidentId: `inc-${i}`, severity: 'SEV1', title: 'Down' },
      });
    }
    await settle();
    expect(launches.reads - reads).toBe(50); // the commands' own reads, none by the scheduler
    expect(scheduler.scheduledCount).toBe(1);
  });
});
