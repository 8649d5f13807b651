import { randomBytes } from 'node:crypto';
import { GraphqlClient } from '../../../apps/embedded/src/client/graphql-client';
import { eventually } from '../support/eventually';
import { runTminus } from '../support/tminus-cli';
import type { StackEndpoints } from './launch-story';

interface Item {
  id: string;
  title: string;
  state: string;
  check: string | null;
  doneBy: string | null;
  evidenceUrl: string | null;
  checkFailure: { check: string; url: string | null; by: string } | null;
}
interface LaunchView {
  id: string;
  key: string;
  readiness: { blockers: { code: string; message: string }[] };
  teams: { checklist: { id: string; items: Item[] } | null }[];
}
const LAUNCH_FIELDS = `id key readiness { blockers { code message } }
  teams { checklist { id items { id title state check doneBy evidenceUrl checkFailure { check url by } } } }`;

const RUN_1 = 'https://ci.example/runs/1';
const RUN_2 = 'https://ci.example/runs/2';

/**
 * CI results tick items by themselves, through the `tminus` binary and `POST /v1/checks`: a template
 * item and a hand-added item name checks; failed reopens with a CHECK_FAILED blocker, passed ticks with
 * the run as evidence and the token's name as actor, the same result twice changes nothing.
 */
export async function runCiChecksStory(stack: StackEndpoints): Promise<void> {
  const admin = new GraphqlClient({ url: stack.graphqlUrl, token: stack.adminToken });
  const baseUrl = stack.graphqlUrl.replace(/\/graphql$/, '');
  const run = randomBytes(3).toString('hex');

  const { createChecklistTemplate: template } = await admin.request<{
    createChecklistTemplate: { items: { title: string; check: string | null }[] };
  }>(
    `mutation($input: CreateChecklistTemplateInput!) { createChecklistTemplate(input: $input) { items { title check } } }`,
    {
      input: {
        function: 'QA',
        name: 'QA release checklist',
        items: [{ title: 'Regression suite green', required: true, check: 'regression' }],
      },
    },
  );
  expect(template.items).toEqual([{ title: 'Regression suite green', check: 'regression' }]);
  const { createTeam: team } = await admin.request<{ createTeam: { id: string } }>(
    `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
    { input: { key: `qa-${run}`, name: `QA ${run}`, function: 'QA' } },
  );
  const { createLaunch: created } = await admin.request<{ createLaunch: { id: string; key: string } }>(
    `mutation($input: CreateLaunchInput!) { createLaunch(input: $input) { id key } }`,
    { input: { key: `ci-${run}`, name: 'CI checks', targetDate: '2031-03-01T09:00:00.000Z' } },
  );
  await admin.request(`mutation($input: LaunchTeamInput!) { requireTeam(input: $input) { id } }`, {
    input: { launchId: created.id, teamId: team.id },
  });
  const readLaunch = async (): Promise<LaunchView> =>
    (
      await admin.request<{ launch: LaunchView }>(
        `query($id: ID!) { launch(id: $id) { ${LAUNCH_FIELDS} } }`,
        { id: created.id },
      )
    ).launch;
  const opened = await eventually(
    readLaunch,
    (launch) => (launch.teams[0]?.checklist?.items.length ?? 0) > 0,
    {
      what: 'the checklist opened from the template',
    },
  );
  const checklist = opened.teams[0].checklist!;
  const fromTemplate = checklist.items[0];
  expect(fromTemplate).toMatchObject({ title: 'Regression suite green', check: 'regression' });
  const { addChecklistItem: e2e } = await admin.request<{ addChecklistItem: Item }>(
    `mutation($input: AddChecklistItemInput!) { addChecklistItem(input: $input) { id title check state } }`,
    { input: { checklistId: checklist.id, title: 'E2E suite green', required: true, check: 'e2e-tests' } },
  );
  expect(e2e).toMatchObject({ check: 'e2e-tests', state: 'OPEN' });

  const { createApiToken } = await admin.request<{ createApiToken: { token: string } }>(
    `mutation { createApiToken(input: { name: "checkout deploys", role: PIPELINE, userId: "ci-${run}" }) { token } }`,
  );
  const env = { TMINUS_URL: baseUrl, TMINUS_TOKEN: createApiToken.token };
  const item = async (id: string) => (await readLaunch()).teams[0].checklist!.items.find((i) => i.id === id)!;

  // failed: the blocker says the check failed, with the run.
  const failed = await runTminus(
    ['check', created.key, '--name', 'e2e-tests', '--status', 'failed', '--url', RUN_1],
    env,
  );
  expect(failed).toMatchObject({ code: 0, stderr: '' });
  expect(failed.stdout).toContain('recorded: check e2e-tests failed');
  const blockers = (await readLaunch()).readiness.blockers;
  expect(blockers).toContainEqual({
    code: 'CHECK_FAILED',
    message: expect.stringContaining(`'E2E suite green': its check 'e2e-tests' failed (${RUN_1})`),
  });
  expect(await item(e2e.id)).toMatchObject({
    state: 'OPEN',
    checkFailure: { check: 'e2e-tests', url: RUN_1, by: 'checkout deploys' },
  });

  // passed: ticked with the run as evidence, by the token's name; the same report again changes nothing.
  const passed = await runTminus(
    ['check', created.key, '--name', 'e2e-tests', '--status', 'passed', '--url', RUN_2],
    env,
  );
  expect(passed.code).toBe(0);
  expect(passed.stdout).toContain('1 changed');
  expect(await item(e2e.id)).toMatchObject({
    state: 'DONE',
    doneBy: 'checkout deploys',
    evidenceUrl: RUN_2,
    checkFailure: null,
  });
  const again = await runTminus(
    ['check', created.key, '--name', 'e2e-tests', '--status', 'passed', '--url', RUN_2, '--json'],
    env,
  );
  expect(again.code).toBe(0);
  expect(JSON.parse(again.stdout)).toMatchObject({
    launch: { key: created.key },
    items: [{ id: e2e.id, state: 'DONE', changed: false }],
  });

  // A template item's check, by launch id this time.
  const regression = await runTminus(['check', created.id, '-n', 'regression', '-s', 'passed'], env);
  expect(regression.code).toBe(0);
  expect(await item(fromTemplate.id)).toMatchObject({ state: 'DONE', doneBy: 'checkout deploys' });

  // failed after passed reopens a done item.
  await runTminus(['check', created.key, '-n', 'e2e-tests', '-s', 'failed', '--url', RUN_1], env);
  expect(await item(e2e.id)).toMatchObject({ state: 'OPEN', doneBy: null });

  // Errors: exit 2 with the gateway's code.
  const unknown = await runTminus(['check', created.key, '-n', 'lint', '-s', 'passed'], env);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('CHECK_NOT_FOUND');
  const noLaunch = await runTminus(['check', `nope-${run}`, '-n', 'lint', '-s', 'passed'], env);
  expect(noLaunch.code).toBe(2);
  expect(noLaunch.stderr).toContain('LAUNCH.NOT_FOUND');

  // The REST endpoint refuses as usual: 401 without a token, 403 for a person's token, 400 for a bad body.
  const post = (token: string | null, body: unknown) =>
    fetch(`${baseUrl}/v1/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const good = { launch: created.key, check: 'e2e-tests', status: 'passed' };
  expect((await post(null, good)).status).toBe(401);
  const { createApiToken: manager } = await admin.request<{ createApiToken: { token: string } }>(
    `mutation { createApiToken(input: { name: "pm", role: LAUNCH_MANAGER, userId: "pm-${run}" }) { token } }`,
  );
  const forbidden = await post(manager.token, good);
  expect(forbidden.status).toBe(403);
  expect(await forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  const bad = await post(createApiToken.token, { ...good, status: 'flaky' });
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });

  // The readiness report, through `tminus report` (a launch manager's token; a pipeline's may not read it).
  const managerEnv = { TMINUS_URL: baseUrl, TMINUS_TOKEN: manager.token };
  const md = await runTminus(['report', created.key], managerEnv);
  expect(md.code).toBe(0);
  expect(md.stdout).toContain(`# Readiness report: CI checks (${created.key})`);
  expect(md.stdout).toContain('| production | DENIED |');
  expect(md.stdout).toMatch(/\| E2E suite green \| yes \| OPEN \|.*\| e2e-tests \|/);
  expect(md.stdout).toContain('- CHECK_FAILED: QA');
  const csv = await runTminus(['report', created.key, '--format', 'csv'], managerEnv);
  expect(csv.code).toBe(0);
  expect(csv.stdout.split('\n')[0]).toBe(
    'section,team,name,required,state,owner,due_date,evidence_url,waiver,detail',
  );
  expect(csv.stdout).toContain(`item,qa-${run},Regression suite green,yes,DONE,`);
  const refused = await runTminus(['report', created.key], env);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('FORBIDDEN');
}
