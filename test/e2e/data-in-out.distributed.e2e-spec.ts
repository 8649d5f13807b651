import { DistributedStack } from './support/distributed-stack';
import { runCiChecksStory } from './story/ci-checks-story';
import { runConfigAsCodeStory } from './story/config-as-code-story';

// The same stories as data-in-out.embedded.e2e-spec.ts, on four processes, Kafka and PostgreSQL.
describe('data in and out (CI checks, reports, configuration as code), distributed mode', () => {
  let stack: DistributedStack;

  beforeAll(async () => {
    stack = await DistributedStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('ticks and reopens items from CI results, through tminus check and POST /v1/checks', async () => {
    try {
      await runCiChecksStory({
        graphqlUrl: stack.graphqlUrl,
        wsUrl: stack.graphqlUrl.replace(/^http/, 'ws'),
        adminToken: stack.adminToken,
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${stack.logs()}`, { cause: error });
    }
  });

  it('applies a YAML file through tminus apply, idempotently, and export → apply changes nothing', async () => {
    try {
      await runConfigAsCodeStory({
        graphqlUrl: stack.graphqlUrl,
        wsUrl: stack.graphqlUrl.replace(/^http/, 'ws'),
        adminToken: stack.adminToken,
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${stack.logs()}`, { cause: error });
    }
  });
});
