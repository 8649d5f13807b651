import { generateKeyPairSync } from 'node:crypto';
import { GithubConfigError, loadGithubConfig } from './github-config';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const SECRET = 'a-webhook-secret-of-some-length';

describe('loadGithubConfig', () => {
  it('is off without a secret, with the defaults', () => {
    expect(loadGithubConfig({})).toEqual({
      webhookSecret: null,
      apiUrl: new URL('https://api.github.com'),
      credentials: { kind: 'none' },
      pendingTtlDays: 25,
      recheckIntervalMs: 300_000,
    });
  });

  it('takes a token', () => {
    const config = loadGithubConfig({
      GITHUB_WEBHOOK_SECRET: SECRET,
      GITHUB_TOKEN: 'ghp_x',
      GITHUB_API_URL: 'https://ghe.example/api/v3',
    });
    expect(config.credentials).toEqual({ kind: 'token', token: 'ghp_x' });
    expect(config.apiUrl.href).toBe('https://ghe.example/api/v3');
  });

  it('takes app credentials, with newlines escaped as in many env files', () => {
    const config = loadGithubConfig({
      GITHUB_WEBHOOK_SECRET: SECRET,
      GITHUB_APP_ID: '12345',
      GITHUB_APP_PRIVATE_KEY: PEM.replace(/\n/g, '\\n'),
    });
    expect(config.credentials).toEqual({ kind: 'app', appId: '12345', privateKeyPem: PEM.trim() });
  });

  it.each([
    [{ GITHUB_WEBHOOK_SECRET: 'short', GITHUB_TOKEN: 'x' }, /at least 16 characters/],
    [{ GITHUB_WEBHOOK_SECRET: SECRET }, /no credentials/],
    [{ GITHUB_APP_ID: '12' }, /needs GITHUB_APP_PRIVATE_KEY/],
    [{ GITHUB_APP_ID: '12', GITHUB_APP_PRIVATE_KEY: 'not a key' }, /not a PEM private key/],
    [{ GITHUB_APP_ID: 'abc' }, /numeric app id/],
    [{ GITHUB_API_URL: 'api.github.com' }, /GITHUB_API_URL must be a URL/],
    [{ GITHUB_PENDING_TTL_DAYS: '30' }, /below 30/],
  ])('refuses %p', (env, message) => {
    expect(() => loadGithubConfig(env)).toThrow(GithubConfigError);
    expect(() => loadGithubConfig(env)).toThrow(message);
  });
});
