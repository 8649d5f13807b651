import { generateKeyPairSync } from 'node:crypto';
import { FakeGithub } from '../../../../test/support/fake-github';
import { AppInstallationAuth, staticTokenAuth } from './github-auth';
import { GithubClient } from './github-client';
import { GithubApiError } from './github-http';

describe('GithubClient', () => {
  let github: FakeGithub;

  beforeEach(async () => {
    github = await new FakeGithub().start();
  });
  afterEach(() => github.stop());

  it('posts a verdict with state and comment, a progress comment without state', async () => {
    const client = new GithubClient(new URL(github.url), staticTokenAuth('ghp_token'));
    const callbackUrl = github.callbackUrl();
    await client.review({
      callbackUrl,
      installationId: null,
      environmentName: 'Production',
      comment: 'waiting',
    });
    await client.review({
      callbackUrl,
      installationId: null,
      environmentName: 'Production',
      state: 'approved',
      comment: 'ok',
    });
    expect(github.reviews()).toEqual([
      {
        method: 'POST',
        path: '/repos/acme/checkout/actions/runs/42/deployment_protection_rule',
        authorization: 'Bearer ghp_token',
        body: { environment_name: 'Production', comment: 'waiting' },
      },
      {
        method: 'POST',
        path: '/repos/acme/checkout/actions/runs/42/deployment_protection_rule',
        authorization: 'Bearer ghp_token',
        body: { environment_name: 'Production', state: 'approved', comment: 'ok' },
      },
    ]);
  });

  it('never sends the token to a host other than the configured API', async () => {
    const client = new GithubClient(new URL(`${github.url}/api/v3`), staticTokenAuth('ghp_token'));
    expect(
      client.isTrustedCallback(`${github.url}/api/v3/repos/a/b/actions/runs/1/deployment_protection_rule`),
    ).toBe(true);
    expect(client.isTrustedCallback(`${github.url}/api/v3x/repos`)).toBe(false);
    expect(client.isTrustedCallback('https://evil.example/api/v3/repos')).toBe(false);
    expect(client.isTrustedCallback('not a url')).toBe(false);
    await expect(
      client.review({
        callbackUrl: 'https://evil.example/x',
        installationId: null,
        environmentName: 'p',
        comment: 'c',
      }),
    ).rejects.toMatchObject({ retryable: false });
    expect(github.calls).toEqual([]);
  });

  it.each([
    [502, true],
    [429, true],
    [422, false],
    [404, false],
  ])('HTTP %p is a GithubApiError, retryable: %p', async (status, retryable) => {
    const client = new GithubClient(new URL(github.url), staticTokenAuth('t'));
    github.failNext(status);
    const error = await client
      .review({ callbackUrl: github.callbackUrl(), installationId: null, environmentName: 'p', comment: 'c' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GithubApiError);
    expect(error).toMatchObject({ status, retryable });
  });

  it('as a GitHub App, buys an installation token with its JWT and reuses it', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const auth = new AppInstallationAuth({
      appId: '12345',
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      apiUrl: new URL(github.url),
    });
    const client = new GithubClient(new URL(github.url), auth);
    const call = {
      callbackUrl: github.callbackUrl(),
      installationId: 77,
      environmentName: 'p',
      comment: 'c',
    };
    await client.review(call);
    await client.review(call);
    const tokenCalls = github.calls.filter((c) => c.path === '/app/installations/77/access_tokens');
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0].authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(github.reviews().map((c) => c.authorization)).toEqual([
      'Bearer ghs_installation_77',
      'Bearer ghs_installation_77',
    ]);
  });
});
