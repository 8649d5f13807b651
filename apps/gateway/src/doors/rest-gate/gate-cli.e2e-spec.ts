import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { GateResponseBody } from './gate-response';
import { eventually } from '../../../test/support/eventually';
import { startGateStack, type GateStack, type SeededLaunch } from '../../../test/support/gate-stack';

const BIN = join(__dirname, '..', '..', '..', '..', '..', 'bin', 'tminus.js');

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** When the process exited (ms since epoch). */
  readonly exitedAt: number;
}

/** Runs the real `tminus` binary as a pipeline would (asynchronously: the gateway runs in this process). */
function tminus(
  args: string[],
  env: Record<string, string> = {},
): { done: Promise<CliRun>; stderr: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<CliRun>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr, exitedAt: Date.now() })),
  );
  return { done, stderr: () => stderr };
}

/** `tminus gate` against a running gateway: exit codes, --json, --wait woken by a tick made elsewhere. */
describe('tminus gate against a running gateway', () => {
  let stack: GateStack;
  let launch: SeededLaunch;
  let env: Record<string, string>;

  beforeAll(async () => {
    stack = await startGateStack();
    env = { TMINUS_URL: stack.url, TMINUS_TOKEN: await stack.createToken('PIPELINE', 'ci') };
  });
  afterAll(() => stack.close());

  beforeEach(async () => {
    launch = await stack.seedLaunch(2);
  });

  /** The launch's gate audits in the gateway's audit log (where PIPELINE checks are recorded). */
  const audits = async () =>
    (await stack.gateway.services.audit.page({ launchId: launch.launchId, limit: 50 })).filter(
      (entry) => entry.envelope.type === 'GateEvaluated',
    );

  it('exits 1 with the blockers when DENIED, 0 once ready', async () => {
    const denied = await tminus(['gate', launch.launchKey, '--env', 'production'], env).done;
    expect(denied.code).toBe(1);
    expect(denied.stdout).toMatch(new RegExp(`^DENIED {2}${launch.launchKey} → production`));
    expect(denied.stdout).toContain('OPEN_REQUIRED_ITEM  Item 1');
    for (const itemId of launch.itemIds) await stack.tick(itemId);
    await stack.signOff(launch.checklistId);
    const allowed = await tminus(['gate', launch.launchKey, '--env', 'production'], env).done;
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/^ALLOWED/);
  });

  it('--json prints the REST body', async () => {
    const run = await tminus(['gate', launch.launchId, '--env', 'production', '--json'], env).done;
    expect(run.code).toBe(1);
    const body = JSON.parse(run.stdout) as GateResponseBody;
    expect(body).toMatchObject({
      decision: 'DENIED',
      launch: { id: launch.launchId, key: launch.launchKey },
      environment: 'production',
    });
  });

  it.each([
    ['a wrong token', ['--token', 'tm_wrong'], /refused the token \(UNAUTHENTICATED/],
    ['an unknown launch', [], /LAUNCH\.NOT_FOUND/],
    ['an unreachable gateway', ['--url', 'http://127.0.0.1:1'], /cannot reach the gateway/],
  ])('exits 2 for %s', async (what, extra, message) => {
    const launchRef = what === 'an unknown launch' ? 'no-such-launch' : launch.launchKey;
    const run = await tminus(['gate', launchRef, '--env', 'production', ...extra], env).done;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('--wait returns promptly when a tick elsewhere opens the gate', async () => {
    await stack.tick(launch.itemIds[0]);
    await stack.signOff(launch.checklistId); // signed off with one item still open: the tick below is the last
    const waiting = tminus(['gate', launch.launchKey, '--env', 'production', '--wait', '2m', '--json'], env);
    // First answer, then the subscription's first notification makes it ask again: two audited checks.
    await eventually(async () => (await audits()).length >= 2, 'the CLI subscribed and asked again', 30_000);
    const tickedAt = Date.now();
    await stack.tick(launch.itemIds[1]);
    const run = await waiting.done;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ decision: 'ALLOWED' });
    // Far sooner than the 30 s safety re-check: it was the notification that woke it.
    expect(run.exitedAt - tickedAt).toBeLessThan(5_000);
    expect(waiting.stderr()).toContain('waiting up to 2m');
  });

  it('--wait exits 1 when the time is up', async () => {
    const run = await tminus(['gate', launch.launchKey, '--env', 'production', '--wait', '2s'], env).done;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^DENIED/);
    expect(run.stderr).toMatch(/gave up after \d+s/);
    // The first answer and the re-check on subscribing; its own audits must not wake it again and again.
    await eventually(async () => (await audits()).length >= 2, 'the audits');
    expect((await audits()).length).toBeLessThanOrEqual(3);
  });
});
