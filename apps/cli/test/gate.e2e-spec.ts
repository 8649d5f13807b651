import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { eventually as poll } from '@tminus/testing';
import { EmbeddedStack, REPOSITORY_ROOT } from './embedded-stack';

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitedAt: number;
}

function tminus(args: string[], env: Record<string, string>): Promise<CliRun> {
  const child = spawn(process.execPath, [join(REPOSITORY_ROOT, 'bin', 'tminus.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr, exitedAt: Date.now() })),
  );
}

const eventually = (condition: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<boolean> =>
  poll(condition, Boolean, { what, timeoutMs, intervalMs: 100 });

/**
 * `tminus gate` against the real product (all four apps, `npm start`'s embedded mode): a launch whose
 * last item is ticked elsewhere while a pipeline waits, and every pipeline check in the launch's history.
 */
describe('tminus gate against the embedded stack', () => {
  let stack: EmbeddedStack;
  let env: Record<string, string>;
  let launch: { id: string; key: string; checklistId: string; items: string[] };

  beforeAll(async () => {
    stack = await EmbeddedStack.start();
    const token = await stack.graphql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "ci", role: PIPELINE, userId: "ci" }) { token } }',
    );
    env = { TMINUS_URL: stack.url, TMINUS_TOKEN: token.createApiToken.token };
    const suffix = Math.random().toString(16).slice(2, 10);
    const team = await stack.graphql<{ createTeam: { id: string } }>(
      'mutation T($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
      { input: { key: `qa-${suffix}`, name: 'QA', function: 'QA' } },
    );
    const created = await stack.graphql<{ createLaunch: { id: string; key: string } }>(
      'mutation L($input: CreateLaunchInput!) { createLaunch(input: $input) { id key } }',
      { input: { key: `checkout-${suffix}`, name: 'Checkout', targetDate: '2030-06-01T09:00:00.000Z' } },
    );
    const required = await stack.graphql<{ requireTeam: { teams: { checklist: { id: string } | null }[] } }>(
      'mutation R($input: LaunchTeamInput!) { requireTeam(input: $input) { teams { checklist { id } } } }',
      { input: { launchId: created.createLaunch.id, teamId: team.createTeam.id } },
    );
    const checklistId = required.requireTeam.teams[0]?.checklist?.id;
    if (!checklistId) throw new Error('no checklist opened');
    const items: string[] = [];
    for (const title of ['Regression suite green', 'Runbook reviewed']) {
      const item = await stack.graphql<{ addChecklistItem: { id: string } }>(
        'mutation A($input: AddChecklistItemInput!) { addChecklistItem(input: $input) { id } }',
        { input: { checklistId, title, required: true } },
      );
      items.push(item.addChecklistItem.id);
    }
    await stack.graphql('mutation G($input: RecordGoNoGoInput!) { recordGoNoGo(input: $input) { id } }', {
      input: { launchId: created.createLaunch.id, decision: 'GO' },
    });
    launch = { id: created.createLaunch.id, key: created.createLaunch.key, checklistId, items };
  }, 150_000);

  afterAll(() => stack?.stop());

  const tick = (itemId: string) =>
    stack.graphql('mutation T($input: TickItemInput!) { tickItem(input: $input) { id } }', {
      input: { itemId },
    });
  const gateEvaluations = async (): Promise<number> => {
    const data = await stack.graphql<{ launch: { history: { edges: { node: { type: string } }[] } } }>(
      'query H($id: ID!) { launch(id: $id) { history(first: 100) { edges { node { type } } } } }',
      { id: launch.id },
    );
    return data.launch.history.edges.filter((edge) => edge.node.type === 'GateEvaluated').length;
  };

  it('exits 1 while items are open, and the check is in the history', async () => {
    const run = await tminus(['gate', launch.key, '--env', 'production', '--json'], env);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ decision: 'DENIED', launch: { id: launch.id } });
    await eventually(async () => (await gateEvaluations()) >= 1, 'GateEvaluated in the history');
  });

  it('exits 2 for a token that is not valid', async () => {
    const run = await tminus(['gate', launch.key, '--env', 'production'], {
      ...env,
      TMINUS_TOKEN: 'tm_not_a_token',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('UNAUTHENTICATED');
  });

  it('--wait exits 0 soon after the last item is ticked and signed off elsewhere', async () => {
    await tick(launch.items[0]);
    const before = await gateEvaluations();
    const waiting = tminus(['gate', launch.key, '--env', 'production', '--wait', '3m'], env);
    await eventually(
      async () => (await gateEvaluations()) >= before + 2,
      'the CLI subscribed and asked again',
    );
    const tickedAt = Date.now();
    await tick(launch.items[1]);
    await stack.graphql(
      'mutation S($input: SignOffChecklistInput!) { signOffChecklist(input: $input) { id } }',
      {
        input: { checklistId: launch.checklistId },
      },
    );
    const run = await waiting;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ALLOWED/);
    expect(run.exitedAt - tickedAt).toBeLessThan(10_000);
  });
});
