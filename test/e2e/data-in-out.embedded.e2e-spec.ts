import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedProcess } from '../../apps/embedded/src/client/embedded-process';
import { runCiChecksStory } from './story/ci-checks-story';
import { runConfigAsCodeStory } from './story/config-as-code-story';
import { packCliInto, runInstallFromGatewayStory } from './story/install-from-gateway-story';

// CI results through the tminus binary against `npm start` (one process, SQLite, in-process transport).
describe('data in and out (CI checks, reports, configuration as code), embedded mode', () => {
  let stack: EmbeddedProcess;
  let dataDir: string;
  let cliDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tminus-checks-'));
    cliDir = await mkdtemp(join(tmpdir(), 'tminus-cli-served-'));
    await packCliInto(cliDir);
    stack = await EmbeddedProcess.start({ dataDir, readyTimeoutMs: 90_000, env: { TMINUS_CLI_DIR: cliDir } });
  });

  afterAll(async () => {
    await stack?.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
    await rm(cliDir, { recursive: true, force: true });
  });

  it('serves its CLI package: a pipeline installs it with npm from the gateway and asks the gate', async () => {
    await runInstallFromGatewayStory({
      graphqlUrl: stack.graphqlUrl,
      wsUrl: stack.graphqlUrl.replace(/^http/, 'ws'),
      adminToken: await stack.adminToken(),
    });
  });

  it('ticks and reopens items from CI results, through tminus check and POST /v1/checks', async () => {
    await runCiChecksStory({
      graphqlUrl: stack.graphqlUrl,
      wsUrl: stack.graphqlUrl.replace(/^http/, 'ws'),
      adminToken: await stack.adminToken(),
    });
  });

  it('applies a YAML file through tminus apply, idempotently, and export → apply changes nothing', async () => {
    await runConfigAsCodeStory({
      graphqlUrl: stack.graphqlUrl,
      wsUrl: stack.graphqlUrl.replace(/^http/, 'ws'),
      adminToken: await stack.adminToken(),
    });
  });
});
