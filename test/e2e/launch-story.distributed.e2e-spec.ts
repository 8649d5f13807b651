import { DistributedStack } from './support/distributed-stack';
import { runLaunchStory } from './story/launch-story';

// Four processes (teams, launches, checklists, gateway) on the real Kafka broker and PostgreSQL.
describe('the launch story, distributed mode', () => {
  let stack: DistributedStack;

  beforeAll(async () => {
    stack = await DistributedStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('runs from teams to a closed hypercare through GraphQL only', async () => {
    try {
      await runLaunchStory({
        graphqlUrl: stack.graphqlUrl,
        wsUrl: stack.graphqlUrl.replace(/^http/, 'ws'),
        adminToken: stack.adminToken,
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${stack.logs()}`, { cause: error });
    }
  });
});
