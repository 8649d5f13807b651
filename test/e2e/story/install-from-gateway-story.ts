import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphqlClient } from '../../../apps/embedded/src/client/graphql-client';
import type { StackEndpoints } from './launch-story';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

/** `npm run cli:pack` into `dir` (what the images do), for a gateway started with TMINUS_CLI_DIR=dir. */
export async function packCliInto(dir: string): Promise<string> {
  execFileSync('npm', ['run', '--silent', 'cli:pack', '--', '--out', dir], {
    cwd: REPOSITORY_ROOT,
    stdio: 'pipe',
  });
  const [tarball] = (await readdir(dir)).filter((name) => name.endsWith('.tgz'));
  return join(dir, tarball);
}

/**
 * What a pipeline does with nothing but Node: install the CLI from its tminus gateway
 * (`npm install -g "$TMINUS_URL/cli/tminus-cli.tgz"`) into an empty prefix, then ask the gate with it.
 */
export async function runInstallFromGatewayStory(stack: StackEndpoints): Promise<void> {
  const baseUrl = stack.graphqlUrl.replace(/\/graphql$/, '');
  const dir = await mkdtemp(join(tmpdir(), 'tminus-install-'));
  try {
    execFileSync(
      'npm',
      [
        'install',
        '-g',
        '--prefix',
        join(dir, 'g'),
        '--cache',
        join(dir, 'cache'),
        '--no-audit',
        '--no-fund',
        `${baseUrl}/cli/tminus-cli.tgz`,
      ],
      { cwd: dir, stdio: 'pipe' },
    );
    const admin = new GraphqlClient({ url: stack.graphqlUrl, token: stack.adminToken });
    const { createApiToken } = await admin.request<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "installed", role: PIPELINE, userId: "installed" }) { token } }',
    );
    const gate = spawnSync(
      join(dir, 'g', 'bin', 'tminus'),
      ['gate', 'no-such-launch', '--env', 'production'],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', TMINUS_URL: baseUrl, TMINUS_TOKEN: createApiToken.token },
      },
    );
    // The installed CLI reached this gateway with this token: it answers for the launch, not for the token.
    expect(gate.status).toBe(2);
    expect(gate.stderr).toContain('LAUNCH.NOT_FOUND');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
