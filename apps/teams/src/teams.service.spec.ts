import { dlqTopicOf, Topics, type CommandEnvelope, type EventEnvelope } from '@tminus/contracts';
import { DLQ_HEADERS, encodeCommandEnvelope, type InProcessBus } from '@tminus/messaging';
import {
  startServiceHarness,
  until,
  type ServiceHarness,
} from '../../../libs/service-kit/src/testing/service-harness';
import { startTeams, type RunningApp } from './index';

const admin = { userId: 'admin', role: 'ADMIN' } as const;
const command = (commandId: string, type: string, teamId: string, payload: object): CommandEnvelope => ({
  commandId,
  type,
  aggregateId: teamId,
  actor: admin,
  correlationId: `corr-${commandId}`,
  issuedAt: new Date().toISOString(),
  payload,
});

// The whole service in embedded shape (SQLite store, in-process bus): Nest app, bus transport, relay, HTTP.
describe('teams service (embedded infrastructure)', () => {
  let harness: ServiceHarness;
  let bus: InProcessBus;
  let app: RunningApp;
  let seen: EventEnvelope[];

  beforeAll(async () => {
    harness = await startServiceHarness({ service: 'teams', start: startTeams, port: 0 });
    ({ bus, app, seen } = harness);
  });

  afterAll(() => harness?.close());

  const send = (envelope: CommandEnvelope) =>
    bus.publish(Topics.teamsCommands, [encodeCommandEnvelope(envelope)]);

  it('handles commands from the bus and publishes events and rejections on the events topic', async () => {
    await send(
      command('c-1', 'CreateTeam', 'team-1', { teamId: 'team-1', key: 'core', name: 'Core', function: 'QA' }),
    );
    await send(command('c-2', 'AddTeamMember', 'team-1', { teamId: 'team-1', userId: 'lea', role: 'LEAD' }));
    await send(command('c-2', 'AddTeamMember', 'team-1', { teamId: 'team-1', userId: 'lea', role: 'LEAD' }));
    await send(
      command('c-3', 'CreateTeam', 'team-2', {
        teamId: 'team-2',
        key: 'core',
        name: 'Other',
        function: 'QA',
      }),
    );

    await until(
      () => ['c-2', 'c-3'].every((id) => seen.some((e) => e.commandId === id)),
      'answers to c-2, c-3',
    );
    // Order holds per key (stream); the two teams' messages may interleave.
    const summary = (streamId: string) =>
      seen
        .filter((e) => e.streamId === streamId)
        .map((e) => [e.type, e.streamPosition, e.commandId, e.source]);
    expect(summary('team-1')).toEqual([
      ['TeamCreated', 1, 'c-1', 'tminus.teams'],
      ['TeamMemberAdded', 2, 'c-2', 'tminus.teams'],
    ]);
    expect(summary('team-2')).toEqual([['CommandRejected', 0, 'c-3', 'tminus.teams']]);
    expect(seen.find((e) => e.commandId === 'c-3')?.data).toMatchObject({
      code: 'TEAM.KEY_TAKEN',
      commandType: 'CreateTeam',
    });
  });

  it('sends a malformed command to the dead-letter topic, with the error Nest would otherwise swallow', async () => {
    const dead: { error: string | undefined; key: string }[] = [];
    const dlq = await bus.subscribe({
      groupId: 'test-dlq',
      topics: [dlqTopicOf(Topics.teamsCommands)],
      handle: async (message) =>
        void dead.push({ error: message.headers[DLQ_HEADERS.error], key: message.key }),
    });
    const message = encodeCommandEnvelope(command('c-bad', 'CreateTeam', 'team-9', { teamId: 'team-9' }));
    const { ce_actor: _actor, ...headers } = message.headers;
    await bus.publish(Topics.teamsCommands, [{ ...message, headers }]);

    await until(() => dead.length > 0, 'the dead letter');
    await dlq.stop();
    expect(dead).toEqual([{ key: 'team-9', error: expect.stringMatching(/header ce_actor is missing/) }]);
  });

  it('serves /health, /health/ready, /health/live and /metrics', async () => {
    const up = { status: 'up', checks: { database: 'up', consumers: 'up' } };
    for (const path of ['/health', '/health/ready']) {
      const health = await fetch(`http://127.0.0.1:${app.port}${path}`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual(up);
    }
    const live = await fetch(`http://127.0.0.1:${app.port}/health/live`);
    expect(await live.json()).toEqual({ status: 'up', checks: {} });

    const metrics = await (await fetch(`http://127.0.0.1:${app.port}/metrics`)).text();
    expect(metrics).toMatch(
      /tminus_command_duration_seconds_count\{service="teams",command_type="CreateTeam",outcome="ACCEPTED"\} 1/,
    );
    expect(metrics).toMatch(
      /tminus_command_duration_seconds_count\{service="teams",command_type="AddTeamMember",outcome="DUPLICATE"\} 1/,
    );
    expect(metrics).toMatch(
      /tminus_commands_rejected_total\{service="teams",command_type="CreateTeam",code="TEAM.KEY_TAKEN"\} 1/,
    );
    expect(metrics).toMatch(/tminus_outbox_relay_lag_seconds\{service="teams"\} 0/);
    expect(metrics).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health",status_code="200"\} 1/,
    );
    expect(metrics).toMatch(
      /tminus_consumer_lag\{group="[^"]+",topic="tminus\.teams\.commands",partition="0"\} 0/,
    );
  });
});
