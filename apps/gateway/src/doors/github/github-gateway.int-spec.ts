import { eventually } from '../../../test/support/eventually';
import { FakeGithub, protectionRulePayload, sendWebhook } from '../../../test/support/fake-github';
import { startGateStack, WEBHOOK_SECRET, type GateStack } from '../../../test/support/gate-stack';

const MAP = `mutation M($input: MapGithubEnvironmentInput!) {
  mapGithubEnvironment(input: $input) { repository environment launchId launchKey gateEnvironment createdBy }
}`;

/** The protection rule on a running gateway: mapped through GraphQL, answered when a tick makes the launch ready. */
describe('GitHub deployment protection rule on a running gateway', () => {
  let github: FakeGithub;
  let stack: GateStack;

  beforeAll(async () => {
    github = await new FakeGithub().start();
    stack = await startGateStack({ githubApiUrl: github.url });
  });
  afterAll(async () => {
    await stack.close();
    await github.stop();
  });

  it('maps through GraphQL, posts progress, and approves once the last item is ticked', async () => {
    const launch = await stack.seedLaunch(1);
    const mapped = await stack.graphql<{ mapGithubEnvironment: Record<string, unknown> }>(MAP, {
      input: { repository: 'Acme/Checkout', environment: 'Production', launchId: launch.launchKey },
    });
    expect(mapped.mapGithubEnvironment).toEqual({
      repository: 'acme/checkout',
      environment: 'Production',
      launchId: launch.launchId,
      launchKey: launch.launchKey,
      gateEnvironment: 'production',
      createdBy: 'admin',
    });
    const listed = await stack.graphql<{ githubEnvironmentMappings: { launchId: string }[] }>(
      'query { githubEnvironmentMappings(repository: "acme/checkout") { launchId } }',
    );
    expect(listed.githubEnvironmentMappings).toEqual([{ launchId: launch.launchId }]);

    const callbackUrl = github.callbackUrl('acme/checkout', 501);
    const response = await sendWebhook(stack.url, {
      secret: WEBHOOK_SECRET,
      payload: protectionRulePayload({ callbackUrl, repository: 'acme/checkout', environment: 'Production' }),
    });
    expect(response.status).toBe(202);
    await eventually(() => github.reviews().length === 1, 'the progress comment');
    expect(github.reviews()[0]).toMatchObject({
      authorization: 'Bearer ghp_gate_stack',
      body: { environment_name: 'Production', comment: expect.stringContaining('OPEN_REQUIRED_ITEM') },
    });
    expect(github.reviews()[0].body).not.toHaveProperty('state');

    await stack.tick(launch.itemIds[0]);
    await stack.signOff(launch.checklistId);
    await eventually(() => github.reviews().length === 2, 'the verdict');
    expect(github.reviews()[1].body).toMatchObject({ environment_name: 'Production', state: 'approved' });
    await eventually(
      () =>
        stack.services.commands.some(
          (c) => c.type === 'RecordGateEvaluation' && c.actor.userId === 'github:acme/checkout',
        ),
      'the audit of the verdict',
    );
  });

  it('lets only admins and launch managers map environments', async () => {
    const launch = await stack.seedLaunch(1);
    const pipeline = await stack.createToken('PIPELINE');
    await expect(
      stack.graphql(
        MAP,
        { input: { repository: 'acme/x', environment: 'production', launchId: launch.launchId } },
        pipeline,
      ),
    ).rejects.toThrow(/FORBIDDEN/);
    const unmapped = await stack.graphql<{ unmapGithubEnvironment: boolean }>(
      'mutation U($input: UnmapGithubEnvironmentInput!) { unmapGithubEnvironment(input: $input) }',
      { input: { repository: 'acme/x', environment: 'production' } },
    );
    expect(unmapped.unmapGithubEnvironment).toBe(false);
  });
});
