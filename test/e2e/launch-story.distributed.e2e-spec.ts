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

  it('serves the web app at / and /launches/..., its hashed assets cached for good, the API untouched', async () => {
    const base = stack.graphqlUrl.replace(/\/graphql$/, '');
    const board = await fetch(`${base}/launches/checkout/teams/qa`);
    expect(board.status).toBe(200);
    expect(board.headers.get('cache-control')).toBe('no-cache');
    const html = await board.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${base}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});
