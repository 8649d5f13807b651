import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from './cli';
import type { CliIo } from './cli-io';
import type { ChangeFeed, ChangeListener } from './gate/wait-for-gate';
import { allowed, denied, gateBody, LAUNCH, reason } from './gate/testing/gate-bodies';
import { connectionRefused, fakeFetch, type Reply } from './gate/testing/fake-fetch';

interface Captured {
  readonly io: CliIo;
  readonly out: () => string;
  readonly err: () => string;
  readonly fetch: ReturnType<typeof fakeFetch>;
  readonly feedStarts: { launchId: string; listener: ChangeListener }[];
}

function capture(replies: Reply[], env: Record<string, string> = { TMINUS_TOKEN: 'env-token' }): Captured {
  let out = '';
  let err = '';
  const fetch = fakeFetch(...replies);
  const feedStarts: Captured['feedStarts'] = [];
  const io: CliIo = {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    env,
    fetch,
    readinessFeed: ({ launchId }): ChangeFeed => ({
      start(listener) {
        feedStarts.push({ launchId, listener });
        // The subscription is up: the waiter asks again, as after every (re)connection.
        setImmediate(() => listener.connected());
        return { stop: async () => undefined };
      },
    }),
  };
  return { io, out: () => out, err: () => err, fetch, feedStarts };
}

describe('tminus gate (in process)', () => {
  it('exits 0 and prints the decision line when ALLOWED', async () => {
    const run = capture([{ status: 200, body: allowed() }]);
    await expect(runCli(['gate', 'checkout-v2', '--env', 'production'], run.io)).resolves.toBe(0);
    expect(run.out()).toMatch(/^ALLOWED {2}checkout-v2 → production/);
    expect(run.fetch.requests[0]).toEqual({
      url: 'http://127.0.0.1:4000/v1/gates/checkout-v2?environment=production',
      authorization: 'Bearer env-token',
    });
  });

  it('exits 1 and lists blockers when DENIED', async () => {
    const run = capture([{ status: 412, body: denied() }]);
    await expect(runCli(['gate', 'checkout-v2', '-e', 'production'], run.io)).resolves.toBe(1);
    expect(run.out()).toContain('Blockers (1):');
    expect(run.out()).toContain('qa    OPEN_REQUIRED_ITEM  Regression suite green');
  });

  it('--json prints the REST body as received', async () => {
    const body = { ...denied(), policy: { requireReady: true } };
    const run = capture([{ status: 412, body }]);
    await expect(runCli(['gate', 'checkout-v2', '--env', 'production', '--json'], run.io)).resolves.toBe(1);
    expect(JSON.parse(run.out())).toEqual(body);
  });

  it('--url and --token win over the environment, TMINUS_URL over the default', async () => {
    const run = capture([{ status: 200, body: allowed() }], {
      TMINUS_TOKEN: 'env',
      TMINUS_URL: 'https://env.example',
    });
    await runCli(
      ['gate', 'x', '--env', 'p', '--url', 'http://flag.example:81/base', '--token', 'flag'],
      run.io,
    );
    await runCli(['gate', 'x', '--env', 'p'], run.io);
    expect(run.fetch.requests).toEqual([
      { url: 'http://flag.example:81/base/v1/gates/x?environment=p', authorization: 'Bearer flag' },
      { url: 'https://env.example/v1/gates/x?environment=p', authorization: 'Bearer env' },
    ]);
  });

  it.each([
    [['gate', 'x'], /required option '-e, --env <environment>' not specified/],
    [['gate', '--env', 'p'], /missing required argument 'launch'/],
    [['gate', 'x', '--env', 'p', '--wait', 'soon'], /invalid duration 'soon'/],
    [['gate', 'x', '--env', 'p', '--bogus'], /unknown option '--bogus'/],
    [['deploy'], /unknown command 'deploy'/],
    [[], /Usage: tminus/],
    [['gate', 'x', '--env', 'p', '--url', 'ftp://x'], /invalid gateway URL 'ftp:\/\/x' in --url: use http/],
    [['gate', 'x', '--env', '  '], /--env must name an environment/],
  ])('exits 2 on usage error %p', async (args, message) => {
    const run = capture([{ status: 200, body: allowed() }]);
    await expect(runCli(args, run.io)).resolves.toBe(2);
    expect(run.err()).toMatch(message);
    expect(run.fetch.requests).toHaveLength(0);
  });

  it('names the URL tried and the setting it came from when the gateway cannot be reached', async () => {
    const run = capture([connectionRefused()], {
      TMINUS_TOKEN: 'env-token',
      TMINUS_URL: 'http://gw.example:4000',
    });
    await expect(runCli(['gate', 'x', '--env', 'p'], run.io)).resolves.toBe(2);
    expect(run.err()).toMatch(
      /^tminus: cannot reach the gateway at http:\/\/gw\.example:4000\/v1\/gates\/x: ECONNREFUSED .*; check TMINUS_URL\n$/,
    );
    const flagged = capture([connectionRefused()]);
    await runCli(['gate', 'x', '--env', 'p', '--url', 'http://other.example'], flagged.io);
    expect(flagged.err()).toMatch(/; check --url\n$/);
  });

  it('exits 2 without a token, before asking anything', async () => {
    const run = capture([{ status: 200, body: allowed() }], {});
    await expect(runCli(['gate', 'x', '--env', 'p'], run.io)).resolves.toBe(2);
    // It says how to get one: the GraphQL call an ADMIN makes, at the URL this run would use.
    expect(run.err()).toMatch(
      /^tminus: no token: set TMINUS_TOKEN \(or pass --token\) to a PIPELINE token\./,
    );
    expect(run.err()).toContain('curl -sS http://127.0.0.1:4000/graphql');
    expect(run.err()).toContain('createApiToken(input: { name: \\"ci\\", role: PIPELINE');
    expect(run.fetch.requests).toHaveLength(0);
  });

  it.each([
    [{ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'invalid token' } } }],
    [{ status: 403, body: { error: { code: 'FORBIDDEN', message: 'no' } } }],
    [{ status: 404, body: { error: { code: 'LAUNCH.NOT_FOUND', message: 'no launch x' } } }],
    [{ status: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } }],
    [connectionRefused()],
  ])('exits 2 when the gateway answers %p', async (reply) => {
    const run = capture([reply]);
    await expect(runCli(['gate', 'x', '--env', 'p'], run.io)).resolves.toBe(2);
    expect(run.err()).toMatch(/^tminus: /);
    expect(run.out()).toBe('');
  });

  it('--help and --version exit 0', async () => {
    const run = capture([]);
    await expect(runCli(['gate', '--help'], run.io)).resolves.toBe(0);
    expect(run.out()).toContain('Usage: tminus gate [options] <launch>');
    expect(run.out()).toContain('2  usage, token, unknown launch or connection error');
    await expect(runCli(['--version'], run.io)).resolves.toBe(0);
  });

  it('--wait subscribes for the launch id and exits 0 once a re-check is ALLOWED', async () => {
    const run = capture([
      { status: 412, body: denied() },
      { status: 200, body: allowed() },
    ]);
    await expect(
      runCli(['gate', 'checkout-v2', '--env', 'production', '--wait', '5m'], run.io),
    ).resolves.toBe(0);
    expect(run.feedStarts.map((start) => start.launchId)).toEqual([LAUNCH.id]);
    expect(run.fetch.requests).toHaveLength(2);
    expect(run.err()).toContain('waiting up to 5m for readiness changes');
    expect(run.out()).toMatch(/^ALLOWED/);
  });

  it('--wait exits 1 with the last answer when the time is up', async () => {
    const run = capture([{ status: 412, body: denied() }]);
    await expect(
      runCli(['gate', 'checkout-v2', '--env', 'production', '--wait', '300ms', '--json'], run.io),
    ).resolves.toBe(1);
    expect(JSON.parse(run.out())).toMatchObject({ decision: 'DENIED' });
    expect(run.err()).toMatch(/gave up after \d+ms/);
  });

  it('does not wait when the first answer is ALLOWED', async () => {
    const run = capture([{ status: 200, body: allowed() }]);
    await expect(runCli(['gate', 'x', '--env', 'p', '--wait', '1h'], run.io)).resolves.toBe(0);
    expect(run.feedStarts).toHaveLength(0);
  });
});

describe('tminus gate: hostile text from the gateway', () => {
  const UNSAFE = /(?!\n)[\p{Cc}\p{Bidi_Control}]/u;
  const FAKE_ALLOWED = '\u001b[2K\r\u001b[32mALLOWED  checkout-v2 → production\u001b[0m';
  const WORKFLOW_COMMAND = 'x\n::warning file=a.ts::pwned\r\n::add-mask::y';

  const hostile = () =>
    denied([
      reason({ item: FAKE_ALLOWED }),
      reason({ item: WORKFLOW_COMMAND, team: 'qa\u202e', code: 'OPEN\u009b31m' }),
    ]);

  it('escapes escape sequences and line breaks in item titles, keeping one line per blocker', async () => {
    const run = capture([{ status: 412, body: hostile() }]);
    await expect(runCli(['gate', 'checkout-v2', '--env', 'production'], run.io)).resolves.toBe(1);
    const lines = run.out().split('\n');
    expect(run.out()).not.toMatch(UNSAFE);
    expect(lines.filter((line) => line.startsWith('::'))).toEqual([]);
    expect(lines.filter((line) => line.includes('ALLOWED'))).toEqual([
      expect.stringContaining('\\u001b[32mALLOWED'),
    ]);
    expect(lines[0]).toMatch(/^DENIED/);
    expect(run.out()).toContain('x\\u000a::warning file=a.ts::pwned');
  });

  it('--json escapes them too and keeps every value as sent', async () => {
    const body = hostile();
    const run = capture([{ status: 412, body }]);
    await expect(runCli(['gate', 'checkout-v2', '--env', 'production', '--json'], run.io)).resolves.toBe(1);
    expect(run.out()).not.toMatch(UNSAFE);
    expect(JSON.parse(run.out())).toEqual(body);
  });

  it('escapes a hostile launch key and environment in the decision and waiting lines', async () => {
    const body = gateBody({
      launch: { id: LAUNCH.id, key: '::error::key' },
      environment: 'prod\n::warning::env',
      reasons: [reason()],
    });
    const run = capture([{ status: 412, body }]);
    await runCli(['gate', 'checkout-v2', '--env', 'production', '--wait', '200ms'], run.io);
    for (const text of [run.out(), run.err()]) {
      expect(text).not.toMatch(UNSAFE);
      expect(text.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
    }
  });

  it('escapes the gateway error message on stderr', async () => {
    const message = 'bad\n::error::token\u001b[31m';
    const run = capture([{ status: 401, body: { error: { code: 'UNAUTHENTICATED', message } } }]);
    await expect(runCli(['gate', 'x', '--env', 'p'], run.io)).resolves.toBe(2);
    expect(run.err()).not.toMatch(UNSAFE);
    expect(run.err().trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('tminus gate: the token is never printed', () => {
  it.each([
    ['TMINUS_TOKEN with a line break', { TMINUS_TOKEN: 'tm_SECRETpart\nsecondHALF' }, []],
    ['--token with a space', {}, ['--token', 'tm_SECRETpart secondHALF']],
  ])('refuses a malformed token (%s) without echoing it', async (_what, env, args) => {
    const run = capture([{ status: 200, body: allowed() }], env);
    await expect(runCli(['gate', 'x', '--env', 'p', ...args], run.io)).resolves.toBe(2);
    expect(run.err()).toMatch(
      /^tminus: the token in (TMINUS_TOKEN|--token) holds characters a token cannot have/,
    );
    expect(run.err()).not.toMatch(/SECRET|HALF/);
    expect(run.fetch.requests).toHaveLength(0);
  });

  it('redacts the token from any error that quotes it', async () => {
    const token = 'tm_SECRETSECRETSECRET';
    const run = capture([new TypeError(`Headers.append: "Bearer ${token}" is an invalid header value.`)], {
      TMINUS_TOKEN: token,
    });
    await expect(runCli(['gate', 'x', '--env', 'p'], run.io)).resolves.toBe(2);
    expect(run.err()).toContain('[redacted]');
    expect(run.err()).not.toContain('SECRET');
  });
});

describe('bin/tminus.js (spawned)', () => {
  const bin = join(__dirname, '..', '..', '..', 'bin', 'tminus.js');
  const spawn = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
      timeout: 30_000,
    });

  it('exits 2 on bad arguments, with the reason on stderr', () => {
    const result = spawn(['gate', 'checkout-v2', '--wait', 'forever']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/required option|invalid duration/);
    expect(result.stdout).toBe('');
  });

  it('exits 2 when the gateway cannot be reached', () => {
    const result = spawn([
      'gate',
      'checkout-v2',
      '--env',
      'production',
      '--token',
      't',
      '--url',
      'http://127.0.0.1:9',
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^tminus: cannot reach the gateway at http:\/\/127\.0\.0\.1:9/);
  });

  it('prints help and exits 0', () => {
    const result = spawn(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('gate [options] <launch>');
  });
});
