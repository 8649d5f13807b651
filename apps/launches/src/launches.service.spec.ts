import { newId, Topics, type CommandEnvelope, type EventEnvelope } from '@tminus/contracts';
import type { NewEvent } from '@tminus/event-store';
import { encodeCommandEnvelope } from '@tminus/messaging';
import {
  startServiceHarness,
  type ServiceHarness,
} from '../../../libs/service-kit/src/testing/service-harness';
import { startLaunches } from './index';

const HOUR = 3_600_000;

/** Events as an earlier version wrote them (schema v1: no quiet period, no incident source). */
const v1 = (type: string, data: object): NewEvent => ({
  type,
  data,
  schemaVersion: 1,
  correlationId: newId(),
  causationId: newId(),
  actor: { userId: 'maria', role: 'LAUNCH_MANAGER' },
});

// The launches service alone on embedded infrastructure: the hypercare end scheduler is wired in, and
// rebuilds its timers from the store when the service starts again.
describe('launches service: the automatic close when hypercare ends', () => {
  let harness: ServiceHarness;
  const ended = newId();
  const blocked = newId();

  const seedLive = async (launchId: string, key: string, extra: NewEvent[] = []) => {
    const wentLiveAt = new Date(Date.now() - 15 * 24 * HOUR).toISOString();
    const endsAt = new Date(Date.now() - HOUR).toISOString();
    await harness.store.transaction((tx) =>
      tx.append(
        launchId,
        [
          v1('LaunchCreated', {
            launchId,
            key,
            name: key,
            targetDate: wentLiveAt,
            description: null,
            ownerUserId: null,
          }),
          v1('GoNoGoRecorded', { launchId, decision: 'GO', notes: null, by: 'maria', at: wentLiveAt }),
          v1('LaunchWentLive', { launchId, at: wentLiveAt, hypercareDays: 14, hypercareEndsAt: endsAt }),
          ...extra,
        ],
        0,
      ),
    );
  };
  const stream = async (launchId: string): Promise<EventEnvelope[]> => harness.store.readStream(launchId);
  const lastType = async (launchId: string) => (await stream(launchId)).at(-1)?.type;

  beforeAll(async () => {
    harness = await startServiceHarness({ service: 'launches', start: startLaunches });
    await seedLive(ended, `ended-${ended.slice(0, 6)}`);
    await seedLive(blocked, `blocked-${blocked.slice(0, 6)}`, [
      v1('IncidentReported', {
        launchId: blocked,
        incidentId: 'inc-1',
        severity: 'SEV1',
        title: 'Checkout down',
        by: 'sam',
        at: new Date(Date.now() - 2 * HOUR).toISOString(),
      }),
    ]);
    // As if the service had been down when hypercare ended: the restart finds both.
    await harness.restart();
  });

  afterAll(() => harness?.close());

  it('closes a launch whose hypercare ended while it was down, as system:hypercare', async () => {
    await waitFor(async () => (await lastType(ended)) === 'LaunchClosed', 'the automatic close');
    const closed = (await stream(ended)).at(-1);
    expect(closed?.actor).toEqual({ userId: 'system:hypercare', role: 'SYSTEM' });
  });

  it('keeps a launch with an open SEV1 in hypercare, saying why, and closes it once resolved', async () => {
    await waitFor(async () => (await lastType(blocked)) === 'HypercareOverrun', 'the overrun');
    expect((await stream(blocked)).at(-1)?.data).toMatchObject({ code: 'LAUNCH.OPEN_CRITICAL_INCIDENTS' });
    const command: CommandEnvelope = {
      commandId: newId(),
      type: 'ResolveIncident',
      aggregateId: blocked,
      actor: { userId: 'sam', role: 'LAUNCH_MANAGER' },
      correlationId: newId(),
      issuedAt: new Date().toISOString(),
      payload: { launchId: blocked, incidentId: 'inc-1' },
    };
    await harness.bus.publish(Topics.launchesCommands, [encodeCommandEnvelope(command)]);
    await waitFor(async () => (await lastType(blocked)) === 'LaunchClosed', 'the close after the resolution');
    expect((await stream(blocked)).slice(-2).map((e) => e.type)).toEqual([
      'IncidentResolved',
      'LaunchClosed',
    ]);
  });
});

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
