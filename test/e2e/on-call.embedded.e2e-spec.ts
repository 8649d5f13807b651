import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedProcess } from '../../apps/embedded/src/client/embedded-process';
import { ON_CALL_ENV, runOnCallStory } from './story/on-call-story';

// Incidents from PagerDuty, Alertmanager and generic senders against `npm start` (one process, SQLite).
describe('incidents from on-call tools, embedded mode', () => {
  let stack: EmbeddedProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tminus-on-call-'));
    stack = await EmbeddedProcess.start({ dataDir, readyTimeoutMs: 90_000, env: ON_CALL_ENV });
  });

  afterAll(async () => {
    await stack?.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('records alerts as incidents of the mapped launch, support status following', async () => {
    try {
      await runOnCallStory({
        graphqlUrl: stack.graphqlUrl,
        wsUrl: stack.graphqlUrl.replace(/^http/, 'ws'),
        adminToken: await stack.adminToken(),
      });
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\n--- embedded process output ---\n${stack.logs().slice(-8000)}`,
        {
          cause: error,
        },
      );
    }
  });
});
