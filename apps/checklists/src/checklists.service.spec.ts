import {
  checklistIdFor,
  deterministicId,
  newId,
  templateIdFor,
  Topics,
  type Actor,
  type CommandEnvelope,
  type EventEnvelope,
} from '@tminus/contracts';
import { encodeCommandEnvelope, encodeEventEnvelope, type InProcessBus } from '@tminus/messaging';
import {
  startServiceHarness,
  until,
  type ServiceHarness,
} from '../../../libs/service-kit/src/testing/service-harness';
import { startChecklists } from './index';

const admin: Actor = { userId: 'admin', role: 'ADMIN' };
const lea: Actor = { userId: 'lea', role: 'TEAM_MEMBER' };
const bob: Actor = { userId: 'bob', role: 'TEAM_MEMBER' };

/** An event as another service would publish it (the checklists service only reads it). */
const positions = new Map<string, number>();
function upstream(source: string, streamId: string, type: string, data: object): EventEnvelope {
  const streamPosition = (positions.get(streamId) ?? 0) + 1;
  positions.set(streamId, streamPosition);
  return {
    id: newId(),
    type,
    schemaVersion: 1,
    source,
    streamId,
    streamPosition,
    occurredAt: new Date().toISOString(),
    correlationId: newId(),
    causationId: newId(),
    actor: admin,
    data,
  };
}

// The checklists service alone, on embedded infrastructure; the teams and launches services are
// played by events published straight onto their topics.
describe('checklists service (embedded infrastructure)', () => {
  let harness: ServiceHarness;
  let bus: InProcessBus;
  let seen: EventEnvelope[];

  beforeAll(async () => {
    harness = await startServiceHarness({ service: 'checklists', start: startChecklists });
    ({ bus, seen } = harness);
  });

  afterAll(() => harness?.close());

  const teamEvent = (teamId: string, type: string, data: object) =>
    bus.publish(Topics.teamsEvents, [
      encodeEventEnvelope(upstream('tminus.teams', teamId, type, { teamId, ...data })),
    ]);
  const launchEvent = (launchId: string, type: string, data: object) =>
    bus.publish(Topics.launchesEvents, [
      encodeEventEnvelope(upstream('tminus.launches', launchId, type, { launchId, ...data })),
    ]);
  const send = async (type: string, aggregateId: string, payload: object, actor = admin): Promise<string> => {
    const command: CommandEnvelope = {
      commandId: newId(),
      type,
      aggregateId,
      actor,
      correlationId: newId(),
      issuedAt: new Date().toISOString(),
      payload,
    };
    await bus.publish(Topics.checklistsCommands, [encodeCommandEnvelope(command)]);
    return command.commandId;
  };
  /** The answer to a command: its events, or its rejection. */
  const outcomeOf = async (commandId: string): Promise<EventEnvelope[]> => {
    await until(
      () => seen.some((e) => e.commandId === commandId && e.lastOfCommand === true),
      `outcome ${commandId}`,
    );
    return seen.filter((e) => e.commandId === commandId);
  };
  const typesOf = (events: EventEnvelope[]) => events.map((e) => e.type);
  const stream = (streamId: string) => seen.filter((e) => e.streamId === streamId && e.streamPosition > 0);

  const launchId = newId();
  const teamId = newId();
  const otherTeamId = newId();
  const checklistId = checklistIdFor(launchId, teamId);
  const item = (index: number) => deterministicId(checklistId, 'item', String(index));
  const targetDate = '2031-06-01T12:00:00.000Z';

  it('opens a required team checklist from its function template, with deterministic item ids and due dates', async () => {
    await teamEvent(teamId, 'TeamCreated', { key: 'qa-core', name: 'QA core', function: 'QA' });
    await teamEvent(teamId, 'TeamMemberAdded', { userId: 'lea', role: 'LEAD' });
    await teamEvent(teamId, 'TeamMemberAdded', { userId: 'bob', role: 'MEMBER' });
    const template = await send('CreateChecklistTemplate', templateIdFor('QA'), {
      templateId: templateIdFor('QA'),
      function: 'QA',
      name: 'QA readiness',
      items: [
        { title: 'Regression suite green', required: true, dueDaysBeforeLaunch: 3 },
        { title: 'Exploratory session', required: false },
      ],
    });
    expect(typesOf(await outcomeOf(template))).toEqual(['ChecklistTemplateCreated']);

    await launchEvent(launchId, 'LaunchCreated', {
      key: 'l-1',
      name: 'L',
      targetDate,
      description: null,
      ownerUserId: null,
    });
    // A v1 TeamRequired (written before N-of-M sign-off) asks for one sign-off, as it did then.
    await launchEvent(launchId, 'TeamRequired', { teamId, targetDate });

    await until(() => stream(checklistId).length > 0, 'the checklist');
    const [opened] = stream(checklistId);
    expect(opened).toMatchObject({ type: 'ChecklistOpened', actor: { userId: 'system', role: 'SYSTEM' } });
    expect(opened.data).toEqual({
      checklistId,
      launchId,
      teamId,
      teamFunction: 'QA',
      templateId: templateIdFor('QA'),
      templateVersion: 1,
      targetDate,
      signOffsRequired: 1,
      items: [
        {
          itemId: item(0),
          title: 'Regression suite green',
          description: null,
          required: true,
          dueDate: '2031-05-29T12:00:00.000Z',
          dueDaysBeforeLaunch: 3,
        },
        {
          itemId: item(1),
          title: 'Exploratory session',
          description: null,
          required: false,
          dueDate: null,
          dueDaysBeforeLaunch: null,
        },
      ],
    });
  });

  it('waits for a team it has not seen yet, and opens an empty checklist when the function has no template', async () => {
    await launchEvent(launchId, 'TeamRequired', { teamId: otherTeamId, targetDate });
    await teamEvent(otherTeamId, 'TeamCreated', { key: 'legal', name: 'Legal', function: 'LEGAL' });

    const otherChecklist = checklistIdFor(launchId, otherTeamId);
    await until(() => stream(otherChecklist).length > 0, 'the second checklist');
    expect(stream(otherChecklist)[0].data).toMatchObject({
      teamFunction: 'LEGAL',
      templateId: null,
      items: [],
    });
  });

  it('lets only a lead of the team sign off, by its own view of the members', async () => {
    await outcomeOf(await send('TickItem', checklistId, { checklistId, itemId: item(0) }, bob));
    // The sender's claim is ignored: bob is a MEMBER in the service's view.
    const byBob = await outcomeOf(
      await send('SignOffChecklist', checklistId, { checklistId, signerTeamRole: 'LEAD' }, bob),
    );
    expect(byBob.map((e) => [e.type, (e.data as { code?: string }).code])).toEqual([
      ['CommandRejected', 'CHECKLIST.NOT_TEAM_LEAD'],
    ]);
    const byLea = await outcomeOf(await send('SignOffChecklist', checklistId, { checklistId }, lea));
    expect(typesOf(byLea)).toEqual(['ChecklistSignedOff']);
  });

  it('expires a lapsed waiver through the scheduler, withdrawing the sign-off, as the system', async () => {
    await outcomeOf(await send('UntickItem', checklistId, { checklistId, itemId: item(0) }, lea));
    const expiresAt = new Date(Date.now() + 400).toISOString();
    await outcomeOf(
      await send(
        'WaiveItem',
        checklistId,
        { checklistId, itemId: item(0), reason: 'flaky env', expiresAt },
        lea,
      ),
    );
    await outcomeOf(await send('ApproveWaiver', checklistId, { checklistId, itemId: item(0) }, admin));
    await outcomeOf(await send('SignOffChecklist', checklistId, { checklistId }, lea));

    await until(
      () => stream(checklistId).some((e) => e.type === 'ChecklistItemWaiverExpired'),
      'the expiry',
      5_000,
    );
    const tail = stream(checklistId).slice(-2);
    expect(tail.map((e) => [e.type, e.actor?.role])).toEqual([
      ['ChecklistItemWaiverExpired', 'SYSTEM'],
      ['ChecklistSignOffWithdrawn', 'SYSTEM'],
    ]);
    expect(tail[0].data).toEqual({ checklistId, itemId: item(0), expiredAt: expiresAt });
    expect(Date.parse(tail[0].occurredAt)).toBeGreaterThanOrEqual(Date.parse(expiresAt));
  });

  it('rebuilds waiver timers after a restart', async () => {
    const expiresAt = new Date(Date.now() + 1_500).toISOString();
    await outcomeOf(
      await send('WaiveItem', checklistId, { checklistId, itemId: item(1), reason: 'later', expiresAt }, lea),
    );
    await outcomeOf(await send('ApproveWaiver', checklistId, { checklistId, itemId: item(1) }, admin));
    await harness.restart();

    await until(
      () =>
        stream(checklistId).some(
          (e) => e.type === 'ChecklistItemWaiverExpired' && (e.data as { itemId: string }).itemId === item(1),
        ),
      'the expiry after the restart',
      6_000,
    );
    expect(stream(checklistId).filter((e) => e.type === 'ChecklistItemWaiverExpired')).toHaveLength(2);
  });

  it('moves due dates on a reschedule and closes the checklists when the launch is cancelled', async () => {
    const later = '2031-07-01T12:00:00.000Z';
    await launchEvent(launchId, 'LaunchRescheduled', { targetDate: later, previousTargetDate: targetDate });
    await until(
      () => stream(checklistId).some((e) => e.type === 'ChecklistDueDatesMoved'),
      'moved due dates',
    );
    expect(stream(checklistId).find((e) => e.type === 'ChecklistDueDatesMoved')?.data).toEqual({
      checklistId,
      targetDate: later,
      items: [{ itemId: item(0), dueDate: '2031-06-28T12:00:00.000Z' }],
    });

    await launchEvent(launchId, 'LaunchCancelled', { reason: null, at: new Date().toISOString() });
    const otherChecklist = checklistIdFor(launchId, otherTeamId);
    await until(
      () => [checklistId, otherChecklist].every((id) => stream(id).some((e) => e.type === 'ChecklistClosed')),
      'closed checklists',
    );
    expect(stream(checklistId).at(-1)?.data).toEqual({ checklistId, reason: 'LAUNCH_CANCELLED' });
  });
});
