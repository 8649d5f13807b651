import { COMMAND_ACCEPTED, newId } from '@tminus/contracts';
import { openReadModelDatabase, rebuildProjections, type RunningGateway } from '../src/index';
import { acceptedOf, envelopesFor, publishEvents } from './support/envelopes';
import { eventually } from './support/eventually';
import { event, HAPPY_PATH } from './support/fake-services';
import { adminTokenOf, graphqlOn, startKafkaStack, type KafkaStack } from './support/kafka-stack';
import { wsClient } from './support/ws-client';
import {
  ADD_ITEM,
  ADD_TEAM_MEMBER,
  CREATE_LAUNCH,
  CREATE_TEAM,
  GATE,
  HISTORY,
  LAUNCH,
  LAUNCH_AS_OF,
  RECORD_GO,
  REQUIRE_TEAM,
  SIGN_OFF,
  TEAM,
  TICK_ITEM,
} from './support/operations';
import { createToken } from './support/seed';

/** The tables a rebuild recreates, each dumped in a stable order. */
const PROJECTION_DUMPS = [
  'SELECT id, key, status, target_date, created_at, doc FROM rm_launches ORDER BY id',
  'SELECT id, launch_id, team_id, doc FROM rm_checklists ORDER BY id',
  'SELECT item_id, checklist_id FROM rm_checklist_items ORDER BY item_id',
  'SELECT incident_id, launch_id FROM rm_incidents ORDER BY incident_id',
  'SELECT id, key, doc FROM rm_teams ORDER BY id',
  'SELECT id, function, doc FROM rm_templates ORDER BY id',
  'SELECT stream_id, position FROM rm_stream_positions ORDER BY stream_id',
];

describe('the gateway on Kafka and PostgreSQL', () => {
  let stack: KafkaStack;
  let gateway: RunningGateway;
  let admin: string;
  let gql: ReturnType<typeof graphqlOn>;

  beforeAll(async () => {
    stack = await startKafkaStack('gw-it');
    gateway = await stack.start('it-1');
    admin = adminTokenOf(stack);
    gql = graphqlOn(gateway, admin);
  });
  afterAll(() => stack?.close());
  afterEach(() => stack.services.use(HAPPY_PATH));

  it('projects what the services publish, once, however often it is delivered', async () => {
    const teamId = newId();
    const key = `ops-${teamId.slice(0, 8)}`;
    const envelopes = envelopesFor(stack.services.positions, 'teams', [
      event(teamId, 'TeamCreated', { teamId, key, name: 'Operations', function: 'OPERATIONS' }),
      event(teamId, 'TeamMemberAdded', { teamId, userId: 'olga', role: 'LEAD' }),
    ]);
    await publishEvents(stack.bus, 'teams', envelopes);
    // Two events, two transactions: wait for the second, not just for the team to appear.
    const team = await eventually(async () => {
      const found = (await gql<{ team: { members: unknown[] } | null }>(TEAM, { key })).data?.team;
      return found && found.members.length === 1 && found;
    }, 'the team and its member');
    expect(team).toEqual({
      id: teamId,
      key,
      name: 'Operations',
      members: [{ userId: 'olga', role: 'LEAD' }],
    });

    // Redelivery (a relay re-publishing after a crash) and a marker delivered twice.
    const command = {
      commandId: newId(),
      type: 'AddTeamMember',
      aggregateId: teamId,
      actor: { userId: 'x', role: 'ADMIN' as const },
      correlationId: 'c',
      issuedAt: new Date().toISOString(),
      payload: {},
    };
    const marker = acceptedOf(command, 'teams');
    await publishEvents(stack.bus, 'teams', [...envelopes, marker, marker]);
    // Same stream, same partition, later offset: once this shows, everything before it was handled.
    await stack.services.emit('teams', [event(teamId, 'TeamRenamed', { teamId, name: 'Ops' })]);
    await eventually(
      async () => (await gql<{ team: { name: string } }>(TEAM, { key })).data?.team.name === 'Ops',
      'the rename',
    );

    const rows = await stack.sql<{ type: string; n: string }>(
      'SELECT type, COUNT(*) AS n FROM rm_events WHERE stream_id = $1 GROUP BY type ORDER BY type',
      [teamId],
    );
    expect(rows).toEqual([
      { type: COMMAND_ACCEPTED, n: '1' },
      { type: 'TeamCreated', n: '1' },
      { type: 'TeamMemberAdded', n: '1' },
      { type: 'TeamRenamed', n: '1' },
    ]);
    const [position] = await stack.sql<{ position: string }>(
      'SELECT position FROM rm_stream_positions WHERE stream_id = $1',
      [teamId],
    );
    expect(position.position).toBe('3');
  });

  it('answers a mutation once its outcome is visible to queries (read-your-writes)', async () => {
    const key = `qa-${newId().slice(0, 8)}`;
    const created = await gql<{ createTeam: { id: string } }>(CREATE_TEAM, {
      input: { key, name: 'QA', function: 'QA' },
    });
    expect(created.errors).toBeUndefined();
    const teamId = created.data!.createTeam.id;
    expect(created.data!.createTeam).toEqual({ id: teamId, key, name: 'QA', function: 'QA', members: [] });
    // No waiting: the mutation returned after the projector applied its event.
    expect((await gql<{ team: { id: string } }>(TEAM, { id: teamId })).data?.team.id).toBe(teamId);

    const added = await gql(ADD_TEAM_MEMBER, { input: { teamId, userId: 'quinn', role: 'LEAD' } });
    expect(added.data).toEqual({
      addTeamMember: { id: teamId, members: [{ userId: 'quinn', role: 'LEAD' }] },
    });

    const sent = stack.services.commands.find(
      (command) => command.type === 'CreateTeam' && command.aggregateId === teamId,
    );
    expect(sent).toMatchObject({
      actor: { userId: 'admin', role: 'ADMIN' },
      payload: { teamId, key, name: 'QA', function: 'QA' },
    });
    expect(sent?.correlationId).toEqual(expect.any(String));
  });

  it("answers with the rejection's code when a service refuses the command", async () => {
    stack.services.use({
      CreateTeam: () => ({ reject: { code: 'TEAM.KEY_TAKEN', message: 'Team key "qa" is taken' } }),
    });
    const result = await gql(CREATE_TEAM, { input: { key: 'qa', name: 'QA', function: 'QA' } });
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'Team key "qa" is taken',
        extensions: { code: 'TEAM.KEY_TAKEN', commandId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      }),
    ]);
  });

  it('gives up waiting after COMMAND_TIMEOUT_MS with the command id; the command stays on its topic', async () => {
    const impatient = await stack.start('it-impatient', { commandTimeoutMs: 1_500 });
    stack.services.use({ CreateLaunch: () => ({ ignore: true }) });
    const result = await graphqlOn(impatient, admin)(CREATE_LAUNCH, {
      input: { key: `slow-${newId().slice(0, 8)}`, name: 'Slow', targetDate: '2030-01-01' },
    });
    const extensions = result.errors?.[0].extensions;
    expect(extensions).toEqual({ code: 'COMMAND_TIMEOUT', commandId: expect.any(String) });
    expect(stack.services.commands.some((command) => command.commandId === extensions?.commandId)).toBe(true);
  });

  it('walks a launch to GO: checklist work, sign-off, gate, history and the launch as it was', async () => {
    const suffix = newId().slice(0, 8);
    const teamId = (
      await gql<{ createTeam: { id: string } }>(CREATE_TEAM, {
        input: { key: `web-${suffix}`, name: 'Web', function: 'ENGINEERING' },
      })
    ).data!.createTeam.id;
    await gql(ADD_TEAM_MEMBER, { input: { teamId, userId: `lead-${suffix}`, role: 'LEAD' } });
    const lead = await createToken(
      { graphql: gql },
      {
        name: 'lead',
        role: 'TEAM_MEMBER',
        userId: `lead-${suffix}`,
      },
    );
    const asLead = graphqlOn(gateway, lead.token);
    const launchKey = `launch-${suffix}`;
    const launchId = (
      await gql<{ createLaunch: { id: string } }>(CREATE_LAUNCH, {
        input: { key: launchKey, name: 'Launch', targetDate: '2030-03-01T09:00:00Z' },
      })
    ).data!.createLaunch.id;

    // requireTeam returns once the checklists service has opened the team's checklist too.
    const required = await gql<{ requireTeam: { teams: { checklist: { id: string } | null }[] } }>(
      REQUIRE_TEAM,
      {
        input: { launchId: launchKey, teamId },
      },
    );
    const checklistId = required.data!.requireTeam.teams[0].checklist!.id;
    const item = (
      await asLead<{ addChecklistItem: { id: string } }>(ADD_ITEM, {
        input: { checklistId, title: 'Load test', required: true },
      })
    ).data!.addChecklistItem;

    const beforeTick = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const ticked = await asLead(TICK_ITEM, {
      input: { itemId: item.id, evidenceUrl: 'https://ci.example/run/1' },
    });
    expect(ticked.data).toEqual({
      tickItem: {
        id: item.id,
        state: 'DONE',
        doneBy: `lead-${suffix}`,
        evidenceUrl: 'https://ci.example/run/1',
      },
    });

    const denied = await gql<{ gate: { decision: string; reasons: { code: string }[] } }>(GATE, {
      launch: launchKey,
      environment: 'production',
    });
    expect(denied.data!.gate.decision).toBe('DENIED');
    expect(denied.data!.gate.reasons.map((reason) => reason.code).sort()).toEqual([
      'NOT_SIGNED_OFF',
      'NO_GO_DECISION',
    ]);

    expect((await asLead(SIGN_OFF, { input: { checklistId } })).data).toEqual({
      signOffChecklist: { id: checklistId, signedOff: true, signedOffBy: `lead-${suffix}` },
    });
    const go = await gql<{
      recordGoNoGo: { status: string; readiness: { ready: boolean; percent: number } };
    }>(RECORD_GO, {
      input: { launchId, decision: 'GO', notes: 'all green' },
    });
    expect(go.data!.recordGoNoGo).toMatchObject({ status: 'GO', readiness: { ready: true, percent: 100 } });

    const allowed = await gql<{ gate: { decision: string; reasons: unknown[]; position: string } }>(GATE, {
      launch: launchId,
      environment: 'production',
    });
    expect(allowed.data!.gate).toMatchObject({ decision: 'ALLOWED', reasons: [] });
    expect(Number(allowed.data!.gate.position)).toBeGreaterThan(0);

    type History = {
      launch: {
        history: {
          edges: { cursor: string; node: { type: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    };
    const first = (await gql<History>(HISTORY, { id: launchId, first: 3 })).data!.launch.history;
    expect(first.edges.map((edge) => edge.node.type)).toEqual([
      'GoNoGoRecorded',
      'ChecklistSignedOff',
      'ChecklistItemTicked',
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await gql<History>(HISTORY, { id: launchId, first: 10, after: first.pageInfo.endCursor }))
      .data!.launch.history;
    expect(rest.edges.map((edge) => edge.node.type)).toEqual([
      'ChecklistItemAdded',
      'ChecklistOpened',
      'TeamRequired',
      'LaunchCreated',
    ]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    type AsOf = {
      launchAsOf: {
        status: string;
        asOf: string;
        readiness: { ready: boolean };
        teams: { checklist: { items: { state: string }[] } }[];
      };
    };
    const then = (await gql<AsOf>(LAUNCH_AS_OF, { id: launchId, at: beforeTick })).data!.launchAsOf;
    expect(then).toMatchObject({ status: 'PLANNING', readiness: { ready: false }, asOf: beforeTick });
    expect(then.teams[0].checklist.items.map((i) => i.state)).toEqual(['OPEN']);
    const now = (
      await gql<{ launch: { teams: { checklist: { items: { state: string }[] } }[] } }>(LAUNCH, {
        id: launchId,
      })
    ).data!.launch;
    expect(now.teams[0].checklist.items.map((i) => i.state)).toEqual(['DONE']);
  });

  it('rebuilds the read model from the stored events to exactly what live projection built', async () => {
    const dump = async () => {
      const tables: unknown[][] = [];
      for (const query of PROJECTION_DUMPS) tables.push(await stack.sql(query));
      return tables;
    };
    const live = await dump();
    expect(live[0].length).toBeGreaterThan(0);
    const db = await openReadModelDatabase({ type: 'postgres', url: stack.db.url });
    try {
      const report = await rebuildProjections(db, { batchSize: 7 });
      expect(report.events).toBeGreaterThan(10);
    } finally {
      await db.close();
    }
    expect(await dump()).toEqual(live);
    const leftovers = await stack.sql<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'rm\\_%\\_next' OR table_name LIKE 'rm\\_%\\_old'",
    );
    expect(leftovers).toEqual([]);
    // The gateway keeps working on the switched tables.
    const after = await gql<{ createTeam: { key: string } }>(CREATE_TEAM, {
      input: { key: `late-${newId().slice(0, 8)}`, name: 'Late', function: 'DOCS' },
    });
    expect(after.errors).toBeUndefined();
  });

  it('lets a second instance on the same database serve mutations too, each event stored once', async () => {
    const second = await stack.start('it-2');
    const key = `two-${newId().slice(0, 8)}`;
    const created = await graphqlOn(second, admin)<{ createTeam: { id: string } }>(CREATE_TEAM, {
      input: { key, name: 'Two', function: 'LEGAL' },
    });
    expect(created.errors).toBeUndefined();
    const teamId = created.data!.createTeam.id;
    await eventually(
      async () => (await gql<{ team: unknown }>(TEAM, { id: teamId })).data?.team,
      'the team on instance 1',
    );
    const [count] = await stack.sql<{ n: string }>(
      'SELECT COUNT(*) AS n FROM rm_events WHERE stream_id = $1',
      [teamId],
    );
    expect(count.n).toBe('1');
  });

  it('pushes a change made through one instance to a subscriber of another', async () => {
    const other = await stack.start('it-3');
    const created = await gql<{ createLaunch: { id: string } }>(CREATE_LAUNCH, {
      input: { key: `pair-${newId().slice(0, 8)}`, name: 'Pair', targetDate: '2030-01-01' },
    });
    const launchId = created.data!.createLaunch.id;
    const statuses: string[] = [];
    let changed: () => void = () => undefined;
    const seen = (status: string) =>
      new Promise<void>((resolve) => {
        changed = () => statuses.includes(status) && resolve();
        changed();
      });
    const client = wsClient(other.url, admin);
    const stop = client.subscribe<{ readinessChanged: { status: string } }>(
      {
        query: 'subscription($id: ID!) { readinessChanged(launchId: $id) { launchId status } }',
        variables: { id: launchId },
      },
      {
        next: (result) => {
          if (result.data) statuses.push(result.data.readinessChanged.status);
          changed();
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    try {
      await seen('PLANNING'); // the current readiness comes first: the subscription on instance B is live
      const go = await gql<{ recordGoNoGo: { status: string } }>(RECORD_GO, {
        input: { launchId, decision: 'GO', notes: 'through instance A' },
      });
      expect(go.errors).toBeUndefined();
      await seen('GO');
      expect(statuses[0]).toBe('PLANNING');
      expect(statuses).toContain('GO');
    } finally {
      stop();
      await client.dispose();
    }
  });
});
