import { DistributedStack } from './support/distributed-stack';
import { ON_CALL_ENV, runOnCallStory } from './story/on-call-story';

// Four processes (teams, launches, checklists, gateway) on the real Kafka broker and PostgreSQL.
describe('incidents from on-call tools, distributed mode', () => {
  let stack: DistributedStack;

  beforeAll(async () => {
    stack = await DistributedStack.start(ON_CALL_ENV);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('records alerts as incidents of the mapped launch, support status following', async () => {
    try {
      await runOnCallStory({
        graphqlUrl: stack.graphqlUrl,
        wsUrl: stack.graphqlUrl.replace(/^http/, 'ws'),
        adminToken: stack.adminToken,
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${stack.logs()}`, { cause: error });
    }
  });
});
