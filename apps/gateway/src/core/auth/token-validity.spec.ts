import { ENV_ADMIN_PRINCIPAL, principalOf } from './authenticator';
import { MemoryTokenStore } from './testing-token-store';
import { TokenService } from './token-service';
import { TokenValidity } from './token-validity';

describe('TokenValidity', () => {
  const setup = (recheckMs: number) => {
    const now = { current: new Date('2026-05-01T10:00:00.000Z') };
    const store = new MemoryTokenStore();
    const validity = new TokenValidity(store, () => now.current, recheckMs);
    const tokens = new TokenService(store, () => now.current, validity.revoked);
    return { now, store, validity, tokens };
  };

  it('fails at once for a token revoked on this instance, and tells the listeners', async () => {
    const { validity, tokens } = setup(60_000);
    const issued = await tokens.issue({ name: 'ci', role: 'PIPELINE', createdBy: 'admin' });
    const principal = principalOf(issued.token);
    const heard: string[] = [];
    validity.onRevoked((tokenId) => heard.push(tokenId));
    await expect(validity.isValid(principal)).resolves.toBe(true);

    await tokens.revoke(issued.token.id);

    await expect(validity.isValid(principal)).resolves.toBe(false);
    expect(heard).toEqual([issued.token.id]);
  });

  it('reads the table again once its answer is older than recheckMs (a revocation made elsewhere)', async () => {
    const { validity, tokens, store } = setup(0);
    const issued = await tokens.issue({ name: 'ci', role: 'PIPELINE', createdBy: 'admin' });
    await expect(validity.isValid(principalOf(issued.token))).resolves.toBe(true);
    await store.revoke(issued.token.id, '2026-05-01T10:00:01.000Z');
    await expect(validity.isValid(principalOf(issued.token))).resolves.toBe(false);
  });

  it('fails once the token has expired, and always accepts the operator token', async () => {
    const { validity, tokens, now } = setup(60_000);
    const issued = await tokens.issue({
      name: 'temp',
      role: 'LAUNCH_MANAGER',
      createdBy: 'admin',
      expiresAt: '2026-05-01T11:00:00.000Z',
    });
    await expect(validity.isValid(principalOf(issued.token))).resolves.toBe(true);
    now.current = new Date('2026-05-01T11:00:00.000Z');
    await expect(validity.isValid(principalOf(issued.token))).resolves.toBe(false);
    await expect(validity.isValid(ENV_ADMIN_PRINCIPAL)).resolves.toBe(true);
  });

  it('refuses to issue a token that expires in the past', async () => {
    const { tokens } = setup(0);
    await expect(
      tokens.issue({
        name: 'x',
        role: 'PIPELINE',
        createdBy: 'admin',
        expiresAt: '2026-04-01T00:00:00.000Z',
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
