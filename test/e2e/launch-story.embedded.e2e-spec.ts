import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedProcess } from '../../apps/embedded/src/client/embedded-process';
import { runLaunchStory } from './story/launch-story';

// The same story as launch-story.distributed.e2e-spec.ts, against `npm start` (one process, SQLite,
// the in-process transport): only the adapters differ.
describe('the launch story, embedded mode', () => {
  let stack: EmbeddedProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tminus-story-'));
    stack = await EmbeddedProcess.start({ dataDir, readyTimeoutMs: 90_000 });
  });

  afterAll(async () => {
    await stack?.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs from teams to a closed hypercare through GraphQL only', async () => {
    try {
      await runLaunchStory({
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
