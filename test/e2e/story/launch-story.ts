import { randomBytes } from 'node:crypto';
import { GraphqlClient, GraphqlRequestError } from '../../../apps/embedded/src/client/graphql-client';
import { eventually } from '../support/eventually';
import { SubscriptionRecorder } from '../support/subscription-recorder';

/** Where a running tminus answers, whichever way it runs. */
export interface StackEndpoints {
  readonly graphqlUrl: string;
  readonly wsUrl: string;
  readonly adminToken: string;
}

interface ItemView {
  id: string;
  title: string;
  required: boolean;
  state: string;
}
interface LaunchTeamView {
  team: { id: string; key: string } | null;
  checklist: { id: string; signedOff: boolean; items: ItemView[] } | null;
  ready: boolean;
}
interface ReadinessView {
  ready: boolean;
  percent: number;
  blockers: { code: string; team: string | null; item: string | null; message: string }[];
}
interface LaunchView {
  id: string;
  key: string;
  status: string;
  readiness: ReadinessView;
  teams: LaunchTeamView[];
  decision: { decision: string; notes: string | null } | null;
  support: {
    status: string;
    hypercareEndsAt: string | null;
    incidents: { id: string; severity: string; status: string }[];
  };
}
interface ReadinessChange {
  readinessChanged: { launchId: string; readiness: { ready: boolean; percent: number } };
}

const LAUNCH_FIELDS = `
  id key status
  readiness { ready percent blockers { code team item message } }
  teams { team { id key } checklist { id signedOff items { id title required state } } ready }
  decision { decision notes }
  support { status hypercareEndsAt incidents { id severity status } }
`;

/** Runs a GraphQL call expected to fail and returns the error codes. */
const codesOf = async (call: Promise<unknown>): Promise<string[]> => {
  try {
    await call;
  } catch (error) {
    if (error instanceof GraphqlRequestError) return [...error.codes];
    throw error;
  }
  throw new Error('expected the call to be refused');
};

const itemByTitle = (launch: LaunchView, teamKey: string, title: string): ItemView => {
  const team = launch.teams.find((t) => t.team?.key === teamKey);
  const item = team?.checklist?.items.find((i) => i.title === title);
  if (!item) throw new Error(`no item "${title}" for ${teamKey}: ${JSON.stringify(launch.teams)}`);
  return item;
};

/**
 * The whole story of product.md through GraphQL only: teams, templates, a launch, required teams,
 * ticks by their members, a wrong-team tick refused, a waiver, sign-offs, readiness reaching 100 %,
 * GO, launched, an incident turning support RED then GREEN, hypercare closed — with a subscription
 * watching readiness, and `launchAsOf` at a moment in the middle.
 */
export const runLaunchStory = async (stack: StackEndpoints): Promise<void> => {
  const run = randomBytes(3).toString('hex');
  const admin = new GraphqlClient({ url: stack.graphqlUrl, token: stack.adminToken });

  // Tokens for the people in the story.
  const token = async (name: string, role: string, userId?: string): Promise<GraphqlClient> => {
    const { createApiToken } = await admin.request<{ createApiToken: { token: string } }>(
      `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { id token } }`,
      { input: { name: `${name}-${run}`, role, userId } },
    );
    return new GraphqlClient({ url: stack.graphqlUrl, token: createApiToken.token });
  };
  const manager = await token('manager', 'LAUNCH_MANAGER', `mia-${run}`);
  const engLead = await token('eng-lead', 'TEAM_MEMBER', `erin-${run}`);
  const engDev = await token('eng-dev', 'TEAM_MEMBER', `eli-${run}`);
  const qaLead = await token('qa-lead', 'TEAM_MEMBER', `quinn-${run}`);
  const qaLead2 = await token('qa-lead-2', 'TEAM_MEMBER', `quentin-${run}`);

  // Teams and their members.
  const createTeam = async (key: string, fn: string): Promise<string> => {
    const { createTeam: team } = await admin.request<{ createTeam: { id: string; key: string } }>(
      `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id key } }`,
      { input: { key, name: `${fn} ${run}`, function: fn } },
    );
    expect(team.key).toBe(key);
    return team.id;
  };
  const engKey = `eng-${run}`;
  const qaKey = `qa-${run}`;
  const engId = await createTeam(engKey, 'ENGINEERING');
  const qaId = await createTeam(qaKey, 'QA');
  const addMember = (teamId: string, userId: string, role: string) =>
    admin.request(
      `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id members { userId role } } }`,
      { input: { teamId, userId, role } },
    );
  await addMember(engId, `erin-${run}`, 'LEAD');
  await addMember(engId, `eli-${run}`, 'MEMBER');
  await addMember(qaId, `quinn-${run}`, 'LEAD');
  await addMember(qaId, `quentin-${run}`, 'LEAD');

  // Templates per function (re-creating one makes a new version: harmless across runs).
  const template = (
    fn: string,
    items: { title: string; required: boolean; dueDaysBeforeLaunch?: number; owner?: string }[],
  ) =>
    admin.request(
      `mutation($input: CreateChecklistTemplateInput!) { createChecklistTemplate(input: $input) { id version } }`,
      { input: { function: fn, name: `${fn} readiness`, items } },
    );
  await template('ENGINEERING', [
    { title: 'Code complete', required: true, dueDaysBeforeLaunch: 7 },
    { title: 'Load test passed', required: true, dueDaysBeforeLaunch: 3 },
    { title: 'Dashboards updated', required: false },
  ]);
  await template('QA', [
    { title: 'Regression suite green', required: true, dueDaysBeforeLaunch: 2, owner: `quinn-${run}` },
    { title: 'Exploratory testing', required: true },
  ]);

  // The launch, watched by a subscription from here on.
  const targetDate = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const { createLaunch } = await manager.request<{ createLaunch: LaunchView }>(
    `mutation($input: CreateLaunchInput!) { createLaunch(input: $input) { ${LAUNCH_FIELDS} } }`,
    { input: { key: `checkout-v2-${run}`, name: 'Checkout v2', targetDate } },
  );
  expect(createLaunch.status).toBe('PLANNING');
  const launchId = createLaunch.id;
  const readinessFeed = new SubscriptionRecorder<ReadinessChange>(stack.wsUrl, stack.adminToken).start(
    `subscription($id: ID!) { readinessChanged(launchId: $id) { launchId readiness { ready percent } } }`,
    { id: launchId },
  );

  try {
    // It answers with the current readiness first: from then on it is live and misses nothing.
    await readinessFeed.waitFor((seen) => seen.length > 0);
    // QA's checklist needs two of its leads to sign it off.
    for (const [teamId, signOffsRequired] of [
      [engId, null],
      [qaId, 2],
    ] as const) {
      await manager.request(`mutation($input: LaunchTeamInput!) { requireTeam(input: $input) { id } }`, {
        input: { launchId, teamId, signOffsRequired },
      });
    }
    const readLaunch = async (): Promise<LaunchView> =>
      (
        await admin.request<{ launch: LaunchView }>(
          `query($id: ID!) { launch(id: $id) { ${LAUNCH_FIELDS} } }`,
          {
            id: launchId,
          },
        )
      ).launch;

    // Both checklists appear from their templates.
    let launch = await eventually(
      readLaunch,
      (l) => l.teams.length === 2 && l.teams.every((t) => t.checklist),
      {
        what: 'both checklists opened',
      },
    );
    expect(launch.teams.find((t) => t.team?.key === engKey)?.checklist?.items.map((i) => i.title)).toEqual([
      'Code complete',
      'Load test passed',
      'Dashboards updated',
    ]);
    expect(launch.readiness.ready).toBe(false);
    expect(launch.readiness.percent).toBe(0);
    // Owners: from the template, or assigned; each person sees their open items, soonest due first.
    const myItems = async (client: GraphqlClient, first = 10) =>
      (
        await client.request<{
          myItems: {
            edges: { node: { title: string; owner: string } }[];
            pageInfo: { hasNextPage: boolean };
          };
        }>(
          `query($first: Int) { myItems(first: $first) { edges { node { title owner } } pageInfo { hasNextPage } } }`,
          {
            first,
          },
        )
      ).myItems;
    const assign = (client: GraphqlClient, itemId: string, owner: string | null) =>
      client.request<{ assignItem: { owner: string | null } }>(
        `mutation($input: AssignItemInput!) { assignItem(input: $input) { id owner } }`,
        { input: { itemId, owner } },
      );
    expect((await myItems(qaLead)).edges.map((e) => e.node.title)).toEqual(['Regression suite green']);
    const exploratoryItem = itemByTitle(launch, qaKey, 'Exploratory testing');
    expect((await assign(manager, exploratoryItem.id, `quinn-${run}`)).assignItem.owner).toBe(`quinn-${run}`);
    const firstPage = await myItems(qaLead, 1);
    expect(firstPage.edges.map((e) => e.node.title)).toEqual(['Regression suite green']);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    expect((await myItems(qaLead)).edges.map((e) => e.node.title)).toEqual([
      'Regression suite green',
      'Exploratory testing',
    ]);
    expect((await assign(manager, exploratoryItem.id, null)).assignItem.owner).toBeNull();
    expect(await codesOf(assign(engDev, exploratoryItem.id, `eli-${run}`))).toEqual(['FORBIDDEN']);

    // A launch cannot be moved into the past.
    expect(
      await codesOf(
        manager.request(
          `mutation($input: RescheduleLaunchInput!) { rescheduleLaunch(input: $input) { id } }`,
          { input: { launchId, targetDate: '2020-01-01T00:00:00Z' } },
        ),
      ),
    ).toEqual(['LAUNCH.TARGET_DATE_IN_PAST']);
    // Items added by hand: an absolute date stays put, an offset moves with the launch.
    const engChecklistId = launch.teams.find((t) => t.team?.key === engKey)?.checklist?.id as string;
    const addItem = (title: string, due: { dueDate?: string; dueDaysBeforeLaunch?: number }) =>
      engLead.request<{ addChecklistItem: { id: string; dueDate: string; dueDateKind: string } }>(
        `mutation($input: AddChecklistItemInput!) { addChecklistItem(input: $input) { id dueDate dueDateKind } }`,
        { input: { checklistId: engChecklistId, title, required: false, ...due } },
      );
    const fixedDate = new Date(Date.parse(targetDate) - 10 * 86_400_000).toISOString();
    expect((await addItem('Freeze announced', { dueDate: fixedDate })).addChecklistItem.dueDateKind).toBe(
      'ABSOLUTE',
    );
    expect((await addItem('Runbook reviewed', { dueDaysBeforeLaunch: 1 })).addChecklistItem.dueDateKind).toBe(
      'RELATIVE',
    );
    // Rescheduling answers once every checklist's due dates have moved too (read-your-writes across streams).
    const movedTarget = new Date(Date.parse(targetDate) + 86_400_000).toISOString();
    const { rescheduleLaunch } = await manager.request<{
      rescheduleLaunch: {
        teams: { team: { key: string }; checklist: { items: { title: string; dueDate: string | null }[] } }[];
      };
    }>(
      `mutation($input: RescheduleLaunchInput!) { rescheduleLaunch(input: $input) { teams { team { key } checklist { items { title dueDate } } } } }`,
      { input: { launchId, targetDate: movedTarget } },
    );
    const dueIn = (key: string, title: string) =>
      rescheduleLaunch.teams.find((t) => t.team.key === key)?.checklist.items.find((i) => i.title === title)
        ?.dueDate;
    expect(dueIn(engKey, 'Code complete')).toBe(
      new Date(Date.parse(movedTarget) - 7 * 86_400_000).toISOString(),
    );
    expect(dueIn(engKey, 'Freeze announced')).toBe(fixedDate);
    expect(dueIn(engKey, 'Runbook reviewed')).toBe(
      new Date(Date.parse(movedTarget) - 86_400_000).toISOString(),
    );
    expect(dueIn(qaKey, 'Regression suite green')).toBe(
      new Date(Date.parse(movedTarget) - 2 * 86_400_000).toISOString(),
    );
    expect(launch.readiness.blockers.map((b) => b.code)).toEqual(
      expect.arrayContaining(['OPEN_REQUIRED_ITEM', 'NOT_SIGNED_OFF']),
    );

    const tick = (client: GraphqlClient, itemId: string, evidenceUrl = 'https://ci.example.com/runs/1') =>
      client.request<{ tickItem: ItemView }>(
        `mutation($input: TickItemInput!) { tickItem(input: $input) { id state } }`,
        { input: { itemId, evidenceUrl } },
      );

    // Team members tick their own items; read-your-writes: the answer already says DONE.
    const codeComplete = itemByTitle(launch, engKey, 'Code complete');
    expect((await tick(engDev, codeComplete.id)).tickItem.state).toBe('DONE');
    expect((await tick(engDev, itemByTitle(launch, engKey, 'Load test passed').id)).tickItem.state).toBe(
      'DONE',
    );

    // An engineer may not tick QA's checklist.
    const regression = itemByTitle(launch, qaKey, 'Regression suite green');
    expect(await codesOf(tick(engDev, regression.id))).toEqual(['FORBIDDEN']);
    // Ticking again is idempotent (automation may retry): same evidence, nothing changes.
    expect((await tick(engDev, codeComplete.id)).tickItem.state).toBe('DONE');

    // The middle of the story: remember this moment and its readiness.
    launch = await readLaunch();
    expect(launch.readiness.percent).toBe(50); // 2 of 4 required items
    const middle = new Date().toISOString();
    const percentInTheMiddle = launch.readiness.percent;

    await tick(qaLead, regression.id);
    const exploratory = itemByTitle(launch, qaKey, 'Exploratory testing');
    // A waiver is requested, then approved by someone else (never by whoever asked for it).
    const { waiveItem } = await manager.request<{ waiveItem: ItemView & { waiver: { status: string } } }>(
      `mutation($input: WaiveItemInput!) { waiveItem(input: $input) { id state waiver { status } } }`,
      { input: { itemId: exploratory.id, reason: 'Covered by the beta programme' } },
    );
    expect(waiveItem).toMatchObject({ state: 'OPEN', waiver: { status: 'REQUESTED' } });
    launch = await readLaunch();
    expect(launch.readiness.blockers.filter((b) => b.item === exploratory.title).map((b) => b.code)).toEqual([
      'WAIVER_PENDING',
    ]);
    const approve = (client: GraphqlClient) =>
      client.request<{ approveWaiver: ItemView & { waiver: { status: string; approvedBy: string } } }>(
        `mutation($input: ItemRefInput!) { approveWaiver(input: $input) { id state waiver { status approvedBy } } }`,
        { input: { itemId: exploratory.id } },
      );
    expect(await codesOf(approve(manager))).toEqual(['CHECKLIST.SELF_APPROVAL']);
    expect(await codesOf(approve(qaLead))).toEqual(['FORBIDDEN']);
    expect((await approve(admin)).approveWaiver).toMatchObject({
      state: 'WAIVED',
      waiver: { status: 'APPROVED', approvedBy: expect.any(String) },
    });

    // Only a LEAD signs off (the gateway refuses a member before the command is even sent).
    const checklistOf = (key: string) =>
      launch.teams.find((t) => t.team?.key === key)?.checklist?.id as string;
    const signOff = (client: GraphqlClient, checklistId: string) =>
      client.request<{ signOffChecklist: { signedOff: boolean } }>(
        `mutation($input: SignOffChecklistInput!) { signOffChecklist(input: $input) { id signedOff } }`,
        { input: { checklistId } },
      );
    expect(await codesOf(signOff(engDev, checklistOf(engKey)))).toEqual(['FORBIDDEN']);
    expect((await signOff(engLead, checklistOf(engKey))).signOffChecklist.signedOff).toBe(true);
    // Two distinct QA leads: the first is not enough, the same lead twice counts once.
    expect((await signOff(qaLead, checklistOf(qaKey))).signOffChecklist.signedOff).toBe(false);
    expect(await codesOf(signOff(qaLead, checklistOf(qaKey)))).toEqual(['CHECKLIST.ALREADY_SIGNED_OFF']);
    const { signOffChecklist: qaSigned } = await qaLead2.request<{
      signOffChecklist: { signedOff: boolean; signOffsRequired: number; signOffs: { userId: string }[] };
    }>(
      `mutation($input: SignOffChecklistInput!) { signOffChecklist(input: $input) { signedOff signOffsRequired signOffs { userId at } } }`,
      { input: { checklistId: checklistOf(qaKey) } },
    );
    expect(qaSigned).toEqual({
      signedOff: true,
      signOffsRequired: 2,
      signOffs: [
        { userId: `quinn-${run}`, at: expect.any(String) },
        { userId: `quentin-${run}`, at: expect.any(String) },
      ],
    });

    // New evidence on a done item is an update: the item stays DONE and the sign-off holds.
    await tick(engDev, codeComplete.id, 'https://ci.example.com/runs/2');
    launch = await readLaunch();
    expect(launch.readiness).toEqual({ ready: true, percent: 100, blockers: [] });
    expect(launch.teams.every((t) => t.ready)).toBe(true);

    // The subscription saw readiness climb to ready.
    await readinessFeed.waitFor((seen) => seen.some((s) => s.readinessChanged.readiness.ready));
    // Every change reached it, in order (consecutive repeats are events that left the percent alone).
    const percents = readinessFeed.received
      .map((s) => s.readinessChanged.readiness.percent)
      .filter((percent, i, all) => i === 0 || all[i - 1] !== percent);
    expect(percents).toEqual([0, 25, 50, 75, 100]);
    expect(readinessFeed.received.every((s) => s.readinessChanged.launchId === launchId)).toBe(true);

    // The gate: ready but no GO yet, then GO.
    const gate = async () =>
      (
        await admin.request<{ gate: { decision: string; reasons: { code: string }[] } }>(
          `query($launch: String!) { gate(launch: $launch, environment: "production") { decision reasons { code message } evaluatedAt } }`,
          { launch: launch.key },
        )
      ).gate;
    expect(await gate()).toEqual({
      decision: 'DENIED',
      reasons: [{ code: 'NO_GO_DECISION', message: expect.any(String) }],
      evaluatedAt: expect.any(String),
    });
    const { recordGoNoGo } = await manager.request<{ recordGoNoGo: LaunchView }>(
      `mutation($input: RecordGoNoGoInput!) { recordGoNoGo(input: $input) { ${LAUNCH_FIELDS} } }`,
      { input: { launchId, decision: 'GO', notes: 'All functions ready' } },
    );
    expect(recordGoNoGo.status).toBe('GO');
    expect(recordGoNoGo.decision).toEqual({ decision: 'GO', notes: 'All functions ready' });
    expect((await gate()).decision).toBe('ALLOWED');
    const { gate: allowed } = await admin.request<{ gate: { position: string; evaluatedAt: string } }>(
      `query($launch: String!) { gate(launch: $launch, environment: "production") { decision position evaluatedAt } }`,
      { launch: launch.key },
    );

    // Support joins for hypercare. Only an admin creates teams; a LEAD of the team (not a launch
    // manager) manages its members.
    expect(
      await codesOf(
        manager.request(`mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`, {
          input: { key: `sneaky-${run}`, name: 'Sneaky', function: 'OTHER' },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    const supportId = await createTeam(`support-${run}`, 'SUPPORT');
    await addMember(supportId, `sam-${run}`, 'LEAD');
    const supportLead = await token('support-lead', 'TEAM_MEMBER', `sam-${run}`);
    const supportAgent = await token('support-agent', 'TEAM_MEMBER', `sasha-${run}`);
    const addMemberAs = (client: GraphqlClient, userId: string, role: string) =>
      client.request(
        `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id members { userId role } } }`,
        { input: { teamId: supportId, userId, role } },
      );
    expect(await codesOf(addMemberAs(manager, `mia-${run}`, 'LEAD'))).toEqual(['FORBIDDEN']);
    await addMemberAs(supportLead, `sasha-${run}`, 'MEMBER');
    await manager.request(`mutation($input: LaunchTeamInput!) { requireTeam(input: $input) { id } }`, {
      input: { launchId, teamId: supportId },
    });

    // Live, an incident, support RED then GREEN, hypercare closed.
    const { markLaunched } = await manager.request<{ markLaunched: LaunchView }>(
      `mutation($input: MarkLaunchedInput!) { markLaunched(input: $input) { ${LAUNCH_FIELDS} } }`,
      { input: { launchId } },
    );
    expect(markLaunched.status).toBe('HYPERCARE');
    expect(markLaunched.support.status).toBe('GREEN');
    // A live launch is closed, not cancelled (cancelling would skip the close rules).
    expect(
      await codesOf(
        manager.request(`mutation($input: CancelLaunchInput!) { cancelLaunch(input: $input) { id } }`, {
          input: { launchId },
        }),
      ),
    ).toEqual(['LAUNCH.INVALID_TRANSITION']);
    // The support team reports and resolves incidents; an engineer cannot.
    const report = (client: GraphqlClient) =>
      client.request<{ reportIncident: { id: string; status: string } }>(
        `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id severity status } }`,
        { input: { launchId, severity: 'SEV2', title: 'Payment retries spike' } },
      );
    expect(await codesOf(report(engDev))).toEqual(['FORBIDDEN']);
    const { reportIncident } = await report(supportAgent);
    expect(reportIncident.status).toBe('OPEN');
    expect((await readLaunch()).support.status).toBe('RED');
    const closeLaunch = () =>
      manager.request<{ closeLaunch: LaunchView }>(
        `mutation($input: LaunchRefInput!) { closeLaunch(input: $input) { ${LAUNCH_FIELDS} } }`,
        { input: { launchId } },
      );
    expect(await codesOf(closeLaunch())).toEqual(['LAUNCH.OPEN_CRITICAL_INCIDENTS']);
    await supportAgent.request(
      `mutation($input: ResolveIncidentInput!) { resolveIncident(input: $input) { id status } }`,
      {
        input: { incidentId: reportIncident.id, resolution: 'Rolled back the retry policy' },
      },
    );
    expect((await readLaunch()).support.status).toBe('GREEN');
    expect((await closeLaunch()).closeLaunch.status).toBe('CLOSED');

    // As of the middle: the readiness of that moment, not of now.
    const { launchAsOf } = await admin.request<{ launchAsOf: LaunchView }>(
      `query($id: ID!, $at: DateTime!) { launchAsOf(id: $id, at: $at) { ${LAUNCH_FIELDS} } }`,
      { id: launchId, at: middle },
    );
    expect(launchAsOf.status).toBe('PLANNING');
    expect(launchAsOf.readiness.ready).toBe(false);
    expect(launchAsOf.readiness.percent).toBe(percentInTheMiddle);
    expect(itemByTitle(launchAsOf, qaKey, 'Regression suite green').state).toBe('OPEN');

    // The gate decision replayed at the position it reported: GO and ready, as it was then.
    const { launchAsOf: atGate } = await admin.request<{ launchAsOf: LaunchView }>(
      `query($id: ID!, $position: String, $at: DateTime) { launchAsOf(id: $id, position: $position, at: $at) { ${LAUNCH_FIELDS} } }`,
      { id: launchId, position: allowed.position, at: allowed.evaluatedAt },
    );
    expect(atGate.status).toBe('GO');
    expect(atGate.readiness.ready).toBe(true);

    // Everything is in the audit log, newest first, tokens and team membership included.
    const audit = async (vars: { launchId?: string; actor?: string; first?: number }) =>
      (
        await admin.request<{
          auditLog: {
            edges: {
              node: { type: string; actor: string | null; launchId: string | null; summary: string };
            }[];
          };
        }>(
          `query($first: Int, $launchId: ID, $actor: String) { auditLog(first: $first, launchId: $launchId, actor: $actor) { edges { node { at actor type launchId position summary } } } }`,
          { first: 100, ...vars },
        )
      ).auditLog.edges.map((e) => e.node);
    const byLead = await audit({ actor: `sam-${run}` });
    expect(byLead.map((e) => e.type)).toEqual(['TeamMemberAdded']);
    expect(byLead[0].summary).toContain(`sasha-${run}`);
    const ofLaunch = await audit({ launchId });
    expect(ofLaunch[0].type).toBe('LaunchClosed');
    expect(ofLaunch.every((e) => e.launchId === launchId)).toBe(true);
    expect(ofLaunch.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ChecklistItemWaiverRequested', 'ChecklistItemWaived']),
    );
    expect(await codesOf(manager.request('{ auditLog { edges { node { type } } } }'))).toEqual(['FORBIDDEN']);
    const everything = (await audit({})).map((e) => e.type);
    expect(everything).toEqual(expect.arrayContaining(['ApiTokenCreated']));
  } finally {
    await readinessFeed.stop();
  }
};
