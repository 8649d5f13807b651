import { generateToken } from './api-token';
import { Authenticator, ENV_ADMIN_PRINCIPAL } from './authenticator';
import { MemoryTokenStore } from './testing-token-store';
import { TokenService } from './token-service';

const NOW = new Date('2026-05-01T10:00:00.000Z');

describe('Authenticator', () => {
  const setup = (adminToken?: string) => {
    const store = new MemoryTokenStore();
    const tokens = new TokenService(store, () => NOW);
    return { store, tokens, authenticator: new Authenticator(store, adminToken) };
  };

  it('finds an issued token by its hash and acts as its user and role', async () => {
    const { tokens, authenticator, store } = setup();
    const issued = await tokens.issue({
      name: 'qa bot',
      role: 'TEAM_MEMBER',
      userId: 'alice',
      teamIds: ['t1'],
      createdBy: 'admin',
    });
    expect(store.rows[0]).not.toHaveProperty('secret');
    expect(JSON.stringify(store.rows)).not.toContain(issued.secret);
    await expect(authenticator.authenticate(`Bearer ${issued.secret}`)).resolves.toEqual({
      tokenId: issued.token.id,
      tokenName: 'qa bot',
      role: 'TEAM_MEMBER',
      userId: 'alice',
      teamIds: ['t1'],
      expiresAt: null,
    });
  });

  it('refuses unknown, malformed and revoked tokens', async () => {
    const { tokens, authenticator } = setup();
    const issued = await tokens.issue({ name: 'ci', role: 'PIPELINE', createdBy: 'admin' });
    await expect(authenticator.authenticate(`Bearer ${generateToken()}`)).resolves.toBeNull();
    await expect(authenticator.authenticate(issued.secret)).resolves.toBeNull();
    await expect(authenticator.authenticate(undefined)).resolves.toBeNull();
    expect(await tokens.revoke(issued.token.id)).toBe(true);
    await expect(authenticator.authenticate(`Bearer ${issued.secret}`)).resolves.toBeNull();
    expect(await tokens.revoke(issued.token.id)).toBe(false);
  });

  it('accepts TMINUS_ADMIN_TOKEN as an ADMIN token', async () => {
    const admin = 'an-operator-chosen-secret-of-some-length';
    const { authenticator } = setup(admin);
    await expect(authenticator.authenticate(`Bearer ${admin}`)).resolves.toEqual(ENV_ADMIN_PRINCIPAL);
    await expect(authenticator.authenticate(`Bearer ${admin}x`)).resolves.toBeNull();
  });

  it('gives tokens without a user an attributable user id', async () => {
    const { tokens } = setup();
    const issued = await tokens.issue({ name: 'deploy', role: 'PIPELINE', createdBy: 'admin' });
    expect(issued.token.userId).toBe(`token:${issued.token.id}`);
    expect(issued.token.teamIds).toBeNull();
    expect(issued.token.createdAt).toBe(NOW.toISOString());
  });
});
