/**
 * The three domain services as separate Nest apps (one jest process), each with its own fresh
 * PostgreSQL database and its own KafkaBus on the real broker. The contract topics live under a
 * namespace of this test (NamespacedBus), so other tests on the broker neither see nor feed them.
 * Everything is checked through the events on the topics, read by a test consumer group.
 */
import pino from 'pino';
import {
  allTopicSpecs,
  checklistIdFor,
  deterministicId,
  newId,
  templateIdFor,
  Topics,
  type Actor,
  type CommandEnvelope,
  type EventEnvelope,
  type TopicName,
} from '@tminus/contracts';
import { createEventStore, type EventStore } from '@tminus/event-store';
import {
  decodeEventEnvelope,
  encodeCommandEnvelope,
  KafkaBus,
  NamespacedBus,
  type MessageBus,
  type Subscription,
} from '@tminus/messaging';
import type { RunningApp, ServiceDeps } from '@tminus/service-kit';
import { startChecklists } from '../apps/checklists/src/index';
import { startLaunches } from '../apps/launches/src/index';
import { startTeams } from '../apps/teams/src/index';
import {
  createTestDatabase,
  createTestTopics,
  kafkaBrokers,
  type TestDatabase,
  type TestTopics,
} from '../libs/testing/src/infra/test-infra';

const NAMESPACE = `t${newId().slice(0, 8)}`;
const admin: Actor = { userId: 'admin', role: 'ADMIN' };
const manager: Actor = { userId: 'maria', role: 'LAUNCH_MANAGER' };
const qaLead: Actor = { userId: 'quinn', role: 'TEAM_MEMBER' };
const qaMember: Actor = { userId: 'quentin', role: 'TEAM_MEMBER' };
const engLead: Actor = { userId: 'erin', role: 'TEAM_MEMBER' };

/** Everything the test consumer saw, once per event id (the relay may publish twice). */
class Observed {
  readonly events: EventEnvelope[] = [];
  private readonly ids = new Set<string>();

  add(event: EventEnvelope): void {
    if (this.ids.has(event.id)) return;
    this.ids.add(event.id);
    this.events.push(event);
  }

  async until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Resolves with a command's outcome: its events, or its CommandRejected / CommandAccepted. */
  async outcome(commandId: string): Promise<EventEnvelope[]> {
    await this.until(
      () => this.events.some((e) => e.commandId === commandId && e.lastOfCommand),
      `outcome of ${commandId}`,
    );
    return this.events.filter((e) => e.commandId === commandId);
  }

  stream(streamId: string): EventEnvelope[] {
    return this.events.filter((e) => e.streamId === streamId && e.streamPosition > 0);
  }

  types(streamId: string): string[] {
    return this.stream(streamId).map((e) => e.type);
  }
}

describe('teams, launches and checklists services on Kafka and PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  const stores: EventStore[] = [];
  const buses: MessageBus[] = [];
  const apps: RunningApp[] = [];
  let topics: TestTopics;
  let driver: MessageBus;
  let observer: Subscription;
  const observed = new Observed();

  async function service(
    name: string,
    start: (deps: ServiceDeps) => Promise<RunningApp>,
  ): Promise<RunningApp> {
    const db = await createTestDatabase(`services_${name}`);
    databases.push(db);
    const store = await createEventStore({ kind: 'postgres', url: db.url, source: `tminus.${name}` });
    stores.push(store);
    const bus = NamespacedBus.wrap(
      new KafkaBus({ brokers: kafkaBrokers(), clientId: `it-${name}` }),
      NAMESPACE,
    );
    buses.push(bus);
    const app = await start({
      store,
      bus,
      logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
      port: 0,
    });
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    topics = await createTestTopics(
      allTopicSpecs().map((spec) => ({ ...spec, name: `${NAMESPACE}.${spec.name}` })),
    );
    driver = NamespacedBus.wrap(new KafkaBus({ brokers: kafkaBrokers(), clientId: 'it-driver' }), NAMESPACE);
    observer = await driver.subscribe({
      groupId: 'test-observer',
      topics: [Topics.teamsEvents, Topics.launchesEvents, Topics.checklistsEvents],
      handle: async (message) => observed.add(decodeEventEnvelope(message)),
    });
    await Promise.all([
      service('teams', startTeams),
      service('launches', startLaunches),
      service('checklists', startChecklists),
    ]);
  });

  afterAll(async () => {
    await observer?.stop();
    for (const app of apps) await app.close();
    for (const bus of [...buses, driver]) await bus?.close();
    for (const store of stores) await store.close();
    await topics?.delete();
    for (const db of databases) await db.drop();
  });

  const envelope = (
    type: string,
    aggregateId: string,
    payload: object,
    actor: Actor,
    commandId = newId(),
  ) => ({
    commandId,
    type,
    aggregateId,
    actor,
    correlationId: newId(),
    issuedAt: new Date().toISOString(),
    payload,
  });
  const publish = (topic: TopicName, commands: CommandEnvelope[]) =>
    driver.publish(
      topic,
      commands.map((command) => encodeCommandEnvelope(command)),
    );
  /** Sends one command and returns its outcome. */
  const run = async (topic: TopicName, type: string, aggregateId: string, payload: object, actor = admin) => {
    const command = envelope(type, aggregateId, payload, actor);
    await publish(topic, [command]);
    return observed.outcome(command.commandId);
  };
  const teams = (type: string, teamId: string, payload: object) =>
    run(Topics.teamsCommands, type, teamId, { teamId, ...payload });
  const launches = (type: string, launchId: string, payload: object = {}) =>
    run(Topics.launchesCommands, type, launchId, { launchId, ...payload }, manager);
  const checklists = (type: string, checklistId: string, payload: object, actor: Actor) =>
    run(Topics.checklistsCommands, type, checklistId, { checklistId, ...payload }, actor);
  const accepted = (events: EventEnvelope[]) => {
    const rejected = events.find((e) => e.type === 'CommandRejected');
    if (rejected) throw new Error(`Rejected: ${JSON.stringify(rejected.data)}`);
    return events.map((e) => e.type);
  };

  const qaTeam = newId();
  const engTeam = newId();
  const launchId = newId();
  const qaChecklist = checklistIdFor(launchId, qaTeam);
  const engChecklist = checklistIdFor(launchId, engTeam);
  const itemOf = (checklistId: string, index: number) => deterministicId(checklistId, 'item', String(index));
  const suffix = NAMESPACE.slice(1);

  it('runs a launch from planning to closed across the three services', async () => {
    expect(
      accepted(await teams('CreateTeam', qaTeam, { key: `qa-${suffix}`, name: 'QA', function: 'QA' })),
    ).toEqual(['TeamCreated']);
    accepted(
      await teams('CreateTeam', engTeam, { key: `eng-${suffix}`, name: 'Eng', function: 'ENGINEERING' }),
    );
    accepted(await teams('AddTeamMember', qaTeam, { userId: qaLead.userId, role: 'LEAD' }));
    accepted(await teams('AddTeamMember', qaTeam, { userId: qaMember.userId, role: 'MEMBER' }));
    accepted(await teams('AddTeamMember', engTeam, { userId: engLead.userId, role: 'LEAD' }));
    for (const [fn, items] of [
      [
        'QA',
        [
          { title: 'Regression green', required: true, dueDaysBeforeLaunch: 2 },
          { title: 'Exploratory', required: false },
        ],
      ],
      ['ENGINEERING', [{ title: 'Runbook written', required: true, dueDaysBeforeLaunch: 5 }]],
    ] as const) {
      const templateId = templateIdFor(fn);
      const outcome = await run(Topics.checklistsCommands, 'CreateChecklistTemplate', templateId, {
        templateId,
        function: fn,
        name: `${fn} readiness`,
        items,
      });
      // Templates are per function and shared by the whole database: created here, or revised.
      expect(accepted(outcome)[0]).toMatch(/^ChecklistTemplate(Created|Revised)$/);
    }

    const targetDate = new Date(Date.now() + 30 * 86_400_000).toISOString();
    accepted(
      await launches('CreateLaunch', launchId, { key: `launch-${suffix}`, name: 'Big launch', targetDate }),
    );
    accepted(await launches('RequireTeam', launchId, { teamId: qaTeam }));
    accepted(await launches('RequireTeam', launchId, { teamId: engTeam }));

    await observed.until(
      () => observed.stream(qaChecklist).length > 0 && observed.stream(engChecklist).length > 0,
      'both checklists',
    );
    expect(observed.stream(qaChecklist)[0].data).toMatchObject({
      teamFunction: 'QA',
      items: [
        { itemId: itemOf(qaChecklist, 0), title: 'Regression green', required: true },
        { itemId: itemOf(qaChecklist, 1), title: 'Exploratory', required: false },
      ],
    });
    expect(observed.stream(engChecklist)[0].data).toMatchObject({
      teamFunction: 'ENGINEERING',
      items: [{ itemId: itemOf(engChecklist, 0), title: 'Runbook written' }],
    });

    // QA: the optional item is done, the required one waived for a few seconds, then signed off.
    accepted(await checklists('TickItem', qaChecklist, { itemId: itemOf(qaChecklist, 1) }, qaMember));
    const expiresAt = new Date(Date.now() + 5_000).toISOString();
    accepted(
      await checklists(
        'WaiveItem',
        qaChecklist,
        { itemId: itemOf(qaChecklist, 0), reason: 'env down', expiresAt },
        qaLead,
      ),
    );
    // Someone else approves the request; the requester cannot.
    const selfApproval = await checklists(
      'ApproveWaiver',
      qaChecklist,
      { itemId: itemOf(qaChecklist, 0) },
      qaLead,
    );
    expect((selfApproval[0].data as { code: string }).code).toBe('CHECKLIST.SELF_APPROVAL');
    accepted(await checklists('ApproveWaiver', qaChecklist, { itemId: itemOf(qaChecklist, 0) }, manager));
    expect(accepted(await checklists('SignOffChecklist', qaChecklist, {}, qaLead))).toEqual([
      'ChecklistSignedOff',
    ]);
    // The waiver lapses: the scheduler records it, and the sign-off goes.
    await observed.until(
      () => observed.types(qaChecklist).includes('ChecklistSignOffWithdrawn'),
      'the lapse',
      20_000,
    );
    const lapse = observed.stream(qaChecklist).slice(-2);
    expect(lapse.map((e) => [e.type, e.actor?.role])).toEqual([
      ['ChecklistItemWaiverExpired', 'SYSTEM'],
      ['ChecklistSignOffWithdrawn', 'SYSTEM'],
    ]);
    expect(lapse[1].data).toMatchObject({ reason: 'WAIVER_EXPIRED', itemId: itemOf(qaChecklist, 0) });
    // A member cannot sign off; the lead can, once the item is really done.
    accepted(await checklists('TickItem', qaChecklist, { itemId: itemOf(qaChecklist, 0) }, qaMember));
    const byMember = await checklists('SignOffChecklist', qaChecklist, {}, qaMember);
    expect(byMember.map((e) => [e.type, (e.data as { code?: string }).code])).toEqual([
      ['CommandRejected', 'CHECKLIST.NOT_TEAM_LEAD'],
    ]);
    accepted(await checklists('SignOffChecklist', qaChecklist, {}, qaLead));

    accepted(await checklists('TickItem', engChecklist, { itemId: itemOf(engChecklist, 0) }, engLead));
    accepted(await checklists('SignOffChecklist', engChecklist, {}, engLead));

    expect(
      accepted(await launches('RecordGoNoGo', launchId, { decision: 'GO', notes: 'all green' })),
    ).toEqual(['GoNoGoRecorded']);
    accepted(await launches('MarkLaunched', launchId, { hypercareDays: 7 }));
    const incidentId = newId();
    accepted(
      await launches('ReportIncident', launchId, { incidentId, severity: 'SEV2', title: 'Checkout slow' }),
    );
    const tooEarly = await launches('CloseLaunch', launchId);
    expect((tooEarly[0].data as { code: string }).code).toBe('LAUNCH.OPEN_CRITICAL_INCIDENTS');
    accepted(await launches('ResolveIncident', launchId, { incidentId, resolution: 'cache warmed' }));
    accepted(await launches('CloseLaunch', launchId));

    expect(observed.types(launchId)).toEqual([
      'LaunchCreated',
      'TeamRequired',
      'TeamRequired',
      'GoNoGoRecorded',
      'LaunchWentLive',
      'IncidentReported',
      'IncidentResolved',
      'LaunchClosed',
    ]);
    expect(observed.types(qaTeam)).toEqual(['TeamCreated', 'TeamMemberAdded', 'TeamMemberAdded']);
    expect(observed.types(qaChecklist)).toEqual([
      'ChecklistOpened',
      'ChecklistItemTicked',
      'ChecklistItemWaiverRequested',
      'ChecklistItemWaived',
      'ChecklistSignedOff',
      'ChecklistItemWaiverExpired',
      'ChecklistSignOffWithdrawn',
      'ChecklistItemTicked',
      'ChecklistSignedOff',
    ]);
    // Each stream arrived in order: positions 1, 2, 3… as consumed.
    for (const streamId of [launchId, qaTeam, engTeam, qaChecklist, engChecklist]) {
      const positions = observed.stream(streamId).map((e) => e.streamPosition);
      expect(positions).toEqual(positions.map((_, i) => i + 1));
    }
  });

  it('handles a command id once: a duplicate produces no second event', async () => {
    const teamId = newId();
    const create = envelope(
      'CreateTeam',
      teamId,
      { teamId, key: `dup-${suffix}`, name: 'Dup', function: 'DOCS' },
      admin,
    );
    await publish(Topics.teamsCommands, [create, create]);
    // A later command on the same stream (same partition) is answered after both copies were handled.
    const after = await teams('RenameTeam', teamId, { name: 'Dup renamed' });
    accepted(after);
    expect(observed.events.filter((e) => e.commandId === create.commandId).map((e) => e.type)).toEqual([
      'TeamCreated',
    ]);
    expect(observed.types(teamId)).toEqual(['TeamCreated', 'TeamRenamed']);
  });

  it('applies 50 ticks sent at once on one checklist, each exactly once', async () => {
    const checklistId = engChecklist;
    const itemIds = Array.from({ length: 50 }, () => newId());
    const adds = itemIds.map((itemId, i) =>
      envelope(
        'AddChecklistItem',
        checklistId,
        { checklistId, itemId, title: `Extra ${i}`, required: false },
        manager,
      ),
    );
    await publish(Topics.checklistsCommands, adds);
    await observed.outcome(adds[adds.length - 1].commandId);
    const ticks = itemIds.map((itemId) =>
      envelope('TickItem', checklistId, { checklistId, itemId }, engLead),
    );
    await Promise.all(ticks.map((tick) => publish(Topics.checklistsCommands, [tick])));

    await Promise.all(ticks.map((tick) => observed.outcome(tick.commandId)));
    const ticked = observed
      .stream(checklistId)
      .filter((e) => e.type === 'ChecklistItemTicked')
      .map((e) => (e.data as { itemId: string }).itemId);
    expect(ticked.filter((id) => itemIds.includes(id)).sort()).toEqual([...itemIds].sort());
    const positions = observed.stream(checklistId).map((e) => e.streamPosition);
    expect(positions).toEqual(positions.map((_, i) => i + 1));
  });
});
