import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isLeafType } from 'graphql';
import { MUTATION_OPERATIONS } from '../src/core/auth/access-policy';
import { createToken, seedWorld, type Seeded } from './support/seed';
import { startTestGateway, type TestGateway } from './support/test-gateway';

type Caller =
  'ANONYMOUS' | 'ADMIN' | 'LAUNCH_MANAGER' | 'TEAM_LEAD' | 'TEAM_MEMBER' | 'OUTSIDER' | 'PIPELINE';
type Verdict = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';

const CALLERS: readonly Caller[] = [
  'ANONYMOUS',
  'ADMIN',
  'LAUNCH_MANAGER',
  'TEAM_LEAD',
  'TEAM_MEMBER',
  'OUTSIDER',
  'PIPELINE',
];

// Written out by hand (not derived from the policy table): this is the access the product promises.
// Columns: ADMIN, LAUNCH_MANAGER, TEAM_LEAD (LEAD of the checklist's team), TEAM_MEMBER (MEMBER of it),
// OUTSIDER (TEAM_MEMBER of another team), PIPELINE. Anonymous callers are always UNAUTHENTICATED.
const A = 'allowed' as const;
const F = 'FORBIDDEN' as const;
const MATRIX: Record<string, readonly [Verdict, Verdict, Verdict, Verdict, Verdict, Verdict]> = {
  createTeam: [A, F, F, F, F, F],
  addTeamMember: [A, F, A, F, F, F],
  removeTeamMember: [A, F, A, F, F, F],
  createChecklistTemplate: [A, A, F, F, F, F],
  createLaunch: [A, A, F, F, F, F],
  rescheduleLaunch: [A, A, F, F, F, F],
  editLaunch: [A, A, F, F, F, F],
  requireTeam: [A, A, F, F, F, F],
  releaseTeam: [A, A, F, F, F, F],
  recordGoNoGo: [A, A, F, F, F, F],
  markLaunched: [A, A, F, F, F, F],
  // Team A is a QA team: its members are not the launch's support (see the e2e story for one that is).
  reportIncident: [A, A, F, F, F, F],
  resolveIncident: [A, A, F, F, F, F],
  extendHypercare: [A, A, F, F, F, F],
  closeLaunch: [A, A, F, F, F, F],
  cancelLaunch: [A, A, F, F, F, F],
  setGatePolicy: [A, A, F, F, F, F],
  addChecklistItem: [A, F, A, A, F, F],
  assignItem: [A, A, A, A, F, F],
  tickItem: [A, F, A, A, F, F],
  untickItem: [A, F, A, A, F, F],
  blockItem: [A, F, A, A, F, F],
  unblockItem: [A, F, A, A, F, F],
  waiveItem: [A, A, A, A, F, F],
  revokeWaiver: [A, A, A, A, F, F],
  approveWaiver: [A, A, F, F, F, F],
  rejectWaiver: [A, A, F, F, F, F],
  signOffChecklist: [A, F, A, F, F, F],
  createApiToken: [A, F, F, F, F, F],
  revokeApiToken: [A, F, F, F, F, F],
  mapGithubEnvironment: [A, A, F, F, F, F],
  unmapGithubEnvironment: [A, A, F, F, F, F],
  createWebhook: [A, A, F, F, F, F],
  deleteWebhook: [A, A, F, F, F, F],
  mapIncidentSource: [A, A, F, F, F, F],
  unmapIncidentSource: [A, A, F, F, F, F],
};

const schema = buildSchema(readFileSync(join(__dirname, '../../../schema.graphql'), 'utf8'));
const inputTypeOf = (mutation: string): string =>
  getNamedType(schema.getMutationType()!.getFields()[mutation].args[0].type).name;
/** `{ __typename }` on an object result; nothing on a scalar one (e.g. unmapGithubEnvironment's Boolean). */
const selectionOf = (mutation: string): string =>
  isLeafType(getNamedType(schema.getMutationType()!.getFields()[mutation].type)) ? '' : '{ __typename }';

const inputFor = (mutation: string, s: Seeded, tokenId: string): Record<string, unknown> => {
  const inputs: Record<string, Record<string, unknown>> = {
    createTeam: { key: 'new-team', name: 'New team', function: 'DOCS' },
    addTeamMember: { teamId: s.teamA, userId: 'zed', role: 'MEMBER' },
    removeTeamMember: { teamId: s.teamA, userId: 'member-a' },
    createChecklistTemplate: {
      function: 'QA',
      name: 'QA',
      items: [{ title: 'Smoke tests', required: true }],
    },
    createLaunch: { key: 'new-launch', name: 'New launch', targetDate: '2030-01-01' },
    rescheduleLaunch: { launchId: s.launchId, targetDate: '2030-07-01' },
    editLaunch: { launchId: s.launchId, name: 'Renamed' },
    requireTeam: { launchId: s.launchId, teamId: s.teamB },
    releaseTeam: { launchId: s.launchId, teamId: s.teamA },
    recordGoNoGo: { launchId: s.launchId, decision: 'GO' },
    markLaunched: { launchId: s.launchId },
    reportIncident: { launchId: s.launchId, severity: 'SEV2', title: 'Errors' },
    resolveIncident: { incidentId: s.incidentId },
    extendHypercare: { launchId: s.launchId, days: 3 },
    closeLaunch: { launchId: s.launchId },
    cancelLaunch: { launchId: s.launchId },
    setGatePolicy: {
      launchId: s.launchId,
      environment: 'staging',
      requireReady: true,
      requireGoDecision: false,
    },
    addChecklistItem: { checklistId: s.checklistId, title: 'Extra check', required: false },
    assignItem: { itemId: s.itemId, owner: 'member-a' },
    tickItem: { itemId: s.itemId },
    untickItem: { itemId: s.itemId },
    blockItem: { itemId: s.itemId, reason: 'env down' },
    unblockItem: { itemId: s.itemId },
    waiveItem: { itemId: s.itemId, reason: 'covered elsewhere' },
    revokeWaiver: { itemId: s.itemId },
    approveWaiver: { itemId: s.itemId },
    rejectWaiver: { itemId: s.itemId, reason: 'not covered' },
    signOffChecklist: { checklistId: s.checklistId },
    createApiToken: { name: 'another', role: 'PIPELINE' },
    revokeApiToken: { id: tokenId },
    mapGithubEnvironment: { repository: 'acme/checkout', environment: 'production', launchId: s.launchId },
    unmapGithubEnvironment: { repository: 'acme/checkout', environment: 'production' },
    createWebhook: { url: 'https://hooks.example.com/tminus', events: ['INCIDENT_REPORTED'] },
    deleteWebhook: { id: 'no-such-webhook' },
    mapIncidentSource: { source: 'PAGERDUTY', match: 'PMATRIX1', launchId: s.launchId },
    unmapIncidentSource: { id: 'no-such-mapping' },
  };
  return inputs[mutation];
};

/** Mutations the gateway answers itself; the others go to a (fake) service, which refuses them all here. */
const LOCAL = new Set([
  'createApiToken',
  'revokeApiToken',
  'mapGithubEnvironment',
  'unmapGithubEnvironment',
  'createWebhook',
  'deleteWebhook',
  'mapIncidentSource',
  'unmapIncidentSource',
]);
const SERVICE_REFUSAL = 'TEST.NOT_SUPPORTED';

describe('authorization matrix: every role × every mutation', () => {
  let t: TestGateway;
  let world: Seeded;
  const tokens = new Map<Caller, string | null>();

  beforeAll(async () => {
    t = await startTestGateway();
    world = await seedWorld(t);
    tokens.set('ANONYMOUS', null);
    tokens.set('ADMIN', t.adminToken);
    tokens.set(
      'LAUNCH_MANAGER',
      (await createToken(t, { name: 'lm', role: 'LAUNCH_MANAGER', userId: 'lm' })).token,
    );
    tokens.set(
      'TEAM_LEAD',
      (await createToken(t, { name: 'a', role: 'TEAM_MEMBER', userId: 'lead-a' })).token,
    );
    tokens.set(
      'TEAM_MEMBER',
      (await createToken(t, { name: 'a2', role: 'TEAM_MEMBER', userId: 'member-a' })).token,
    );
    tokens.set(
      'OUTSIDER',
      (await createToken(t, { name: 'b', role: 'TEAM_MEMBER', userId: 'member-b' })).token,
    );
    tokens.set('PIPELINE', (await createToken(t, { name: 'ci', role: 'PIPELINE' })).token);
    // From here on every command is refused by the fake services: state stays as seeded.
    t.services.use({});
  });
  afterAll(() => t.close());

  it('covers every mutation of the API', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...MUTATION_OPERATIONS].sort());
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const cases = Object.entries(MATRIX).flatMap(([mutation, verdicts]) =>
    CALLERS.map((caller, index) => ({
      mutation,
      caller,
      expected: index === 0 ? ('UNAUTHENTICATED' as const) : verdicts[index - 1],
    })),
  );

  it.each(cases)('$caller → $mutation: $expected', async ({ mutation, caller, expected }) => {
    const victim =
      mutation === 'revokeApiToken' ? (await createToken(t, { name: 'victim', role: 'PIPELINE' })).id : '';
    const commandsBefore = t.services.commands.length;
    const result = await t.graphql(
      `mutation($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) ${selectionOf(mutation)} }`,
      { input: inputFor(mutation, world, victim) },
      tokens.get(caller),
    );
    const code = result.errors?.[0]?.extensions?.code;
    const sent = t.services.commands.length - commandsBefore;
    if (expected !== 'allowed') {
      expect({ code, sent }).toEqual({ code: expected, sent: 0 });
    } else if (LOCAL.has(mutation)) {
      const answer = result.data?.[mutation];
      expect({
        errors: result.errors,
        answer: typeof answer === 'boolean' ? answer : (answer as { __typename?: string })?.__typename,
      }).toEqual({
        errors: undefined,
        answer: typeof answer === 'boolean' ? expect.any(Boolean) : expect.any(String),
      });
    } else {
      // It reached the service: the fake one refuses everything with its own code.
      expect({ code, sent }).toEqual({ code: SERVICE_REFUSAL, sent: 1 });
    }
  });

  it.each([
    ['ADMIN', 'allowed', 'allowed'],
    ['LAUNCH_MANAGER', 'allowed', 'allowed'],
    ['TEAM_MEMBER', 'allowed', 'allowed'],
    ['PIPELINE', 'FORBIDDEN', 'allowed'],
    ['ANONYMOUS', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  ] as const)('%s reads launches: %s, reads gates: %s', async (caller, read, gate) => {
    const token = tokens.get(caller);
    const launch = await t.graphql(
      'query($key: String) { launch(key: $key) { id } }',
      { key: world.launchKey },
      token,
    );
    const decision = await t.graphql(
      'query($key: String!) { gate(launch: $key, environment: "production") { decision } }',
      { key: world.launchKey },
      token,
    );
    const verdict = (errors: typeof launch.errors) => (errors ? errors[0].extensions?.code : 'allowed');
    expect([verdict(launch.errors), verdict(decision.errors)]).toEqual([read, gate]);
  });
});
