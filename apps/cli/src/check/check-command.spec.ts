import { runCli } from '../cli';
import type { CliIo } from '../cli-io';
import type { Fetch } from '../gate/gate-client';

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly authorization: string | null;
  readonly body: unknown;
}

const answer = (changed = true) => ({
  launch: { id: 'l-1', key: 'checkout-v2' },
  check: 'e2e-tests',
  status: 'passed',
  items: [
    {
      id: 'i-1',
      title: 'E2E green',
      team: 'qa',
      required: true,
      state: 'DONE',
      evidenceUrl: 'https://ci/1',
      changed,
    },
  ],
});

function run(
  status: number,
  body: unknown,
  env: Record<string, string> = { TMINUS_TOKEN: 'pipeline-token' },
) {
  let out = '';
  let err = '';
  const sent: Sent[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      authorization: headers.get('authorization'),
      body: init?.body ? (JSON.parse(String(init.body)) as unknown) : null,
    });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as Fetch;
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env, fetch };
  return { io, sent, out: () => out, err: () => err };
}

describe('tminus check', () => {
  it('posts the result to /v1/checks and exits 0, listing the items', async () => {
    const cli = run(200, answer());
    const args = [
      'check',
      'checkout-v2',
      '--name',
      'e2e-tests',
      '--status',
      'passed',
      '--url',
      'https://ci/1',
    ];
    await expect(runCli(args, cli.io)).resolves.toBe(0);
    expect(cli.sent).toEqual([
      {
        url: 'http://127.0.0.1:4000/v1/checks',
        method: 'POST',
        authorization: 'Bearer pipeline-token',
        body: { launch: 'checkout-v2', check: 'e2e-tests', status: 'passed', url: 'https://ci/1' },
      },
    ]);
    expect(cli.out()).toBe(
      'recorded: check e2e-tests passed on checkout-v2: 1 item(s), 1 changed\n  qa  DONE  E2E green\n',
    );
  });

  it('says when nothing changed, and prints the body with --json', async () => {
    const cli = run(200, answer(false));
    await runCli(['check', 'checkout-v2', '-n', 'e2e-tests', '-s', 'passed'], cli.io);
    expect(cli.out()).toContain('1 item(s), no changes');
    const json = run(200, answer(false));
    await runCli(['check', 'checkout-v2', '-n', 'e2e-tests', '-s', 'passed', '--json'], json.io);
    expect(JSON.parse(json.out())).toEqual(answer(false));
  });

  it('takes the gateway from --gateway (--url is the CI run)', async () => {
    const cli = run(200, answer());
    await runCli(
      ['check', 'x', '-n', 'e2e', '-s', 'failed', '--gateway', 'https://tminus.example/base'],
      cli.io,
    );
    expect(cli.sent[0].url).toBe('https://tminus.example/base/v1/checks');
    expect(cli.sent[0].body).toEqual({ launch: 'x', check: 'e2e', status: 'failed' });
  });

  it.each([
    [
      404,
      { error: { code: 'CHECK_NOT_FOUND', message: 'No item of launch x has the check "e2e"' } },
      /^tminus: CHECK_NOT_FOUND: No item/,
    ],
    [
      401,
      { error: { code: 'UNAUTHENTICATED', message: 'no' } },
      /refused the token \(UNAUTHENTICATED: no\); check TMINUS_TOKEN/,
    ],
    [
      403,
      { error: { code: 'FORBIDDEN', message: 'A TEAM_MEMBER token may not' } },
      /may not do this \(FORBIDDEN/,
    ],
    [
      404,
      '<html>not here</html>',
      /nothing at http:\/\/127\.0\.0\.1:4000\/v1\/checks \(HTTP 404\).*TMINUS_URL is not set/,
    ],
    [200, '{"ok":true}', /not a check result/],
  ])('exits 2 on HTTP %p', async (status, body, message) => {
    const cli = run(status, body);
    await expect(runCli(['check', 'x', '-n', 'e2e', '-s', 'passed'], cli.io)).resolves.toBe(2);
    expect(cli.err()).toMatch(message);
    expect(cli.out()).toBe('');
  });

  it.each([
    [['check', 'x', '-n', 'E2E!', '-s', 'passed'], /a check name is/],
    [['check', 'x', '-n', 'e2e', '-s', 'flaky'], /Allowed choices are passed, failed/],
    [['check', 'x', '-n', 'e2e'], /required option '-s, --status <status>' not specified/],
  ])('exits 2 on usage error %p without asking', async (args, message) => {
    const cli = run(200, answer());
    await expect(runCli(args, cli.io)).resolves.toBe(2);
    expect(cli.err()).toMatch(message);
    expect(cli.sent).toEqual([]);
  });

  it('without a token, says how to create a PIPELINE token', async () => {
    const cli = run(200, answer(), {});
    await expect(runCli(['check', 'x', '-n', 'e2e', '-s', 'passed'], cli.io)).resolves.toBe(2);
    expect(cli.err()).toContain('no token: set TMINUS_TOKEN (or pass --token) to a PIPELINE token');
    expect(cli.err()).toContain('createApiToken');
  });
});
