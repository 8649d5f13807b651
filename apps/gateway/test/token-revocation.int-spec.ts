import { eventually } from './support/eventually';
import { RawGraphqlWs } from './support/raw-graphql-ws';
import { createToken, seedWorld, type Seeded } from './support/seed';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { id token } }`;
const REVOKE = `mutation($id: ID!) { revokeApiToken(input: { id: $id }) { id revokedAt } }`;
const TOKENS = '{ apiTokens { id } }';
const TICK = 'mutation($input: TickItemInput!) { tickItem(input: $input) { id } }';
const READINESS = `subscription($launchId: ID!) { readinessChanged(launchId: $launchId) { launchId position } }`;

/** Revocation and expiry on every channel: HTTP, and graphql-ws connections already open. */
describe('token revocation and expiry', () => {
  let t: TestGateway;
  let world: Seeded;
  // The gateway's clock runs `offsetMs` ahead of the wall clock (expiry without waiting).
  let offsetMs = 0;
  const sockets: RawGraphqlWs[] = [];
  const connect = async (token: string | null, payload?: unknown) => {
    const socket = await RawGraphqlWs.connect(t.gateway.url, token, payload);
    sockets.push(socket);
    return socket;
  };
  const revoke = async (id: string) => {
    const result = await t.graphql(REVOKE, { id });
    expect(result.errors).toBeUndefined();
  };
  const tokenCount = async () =>
    ((await t.graphql<{ apiTokens: unknown[] }>(TOKENS)).data?.apiTokens ?? []).length;

  beforeAll(async () => {
    t = await startTestGateway({ clock: () => new Date(Date.now() + offsetMs), tokenRecheckMs: 100 });
    world = await seedWorld(t);
  });
  afterEach(() => (offsetMs = 0));
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
  });

  it('closes the open socket of a revoked ADMIN token (4403): it cannot create a token', async () => {
    const admin = await createToken(t, { name: 'second admin', role: 'ADMIN' });
    const socket = await connect(admin.token);
    expect(await socket.acknowledged()).toBe(true);
    expect(await socket.run('1', '{ viewer { role } }')).toEqual({
      kind: 'next',
      payload: { data: { viewer: { role: 'ADMIN' } } },
    });
    const before = await tokenCount();

    await revoke(admin.id);

    expect(await socket.closed()).toBe(4403);
    const answer = await socket.run('2', CREATE_TOKEN, { input: { name: 'escalation', role: 'ADMIN' } });
    expect(answer).toEqual({ kind: 'closed', code: 4403 });
    expect(await tokenCount()).toBe(before);
    const again = await connect(admin.token);
    expect(await again.acknowledged()).toEqual({ closed: 4403 });
  });

  it("ends a revoked PIPELINE token's running subscription", async () => {
    const pipeline = await createToken(t, { name: 'ci', role: 'PIPELINE' });
    const socket = await connect(pipeline.token);
    expect(await socket.acknowledged()).toBe(true);
    expect(await socket.run('s', READINESS, { launchId: world.launchId })).toMatchObject({
      kind: 'next',
      payload: { data: { readinessChanged: { launchId: world.launchId } } },
    });

    await revoke(pipeline.id);

    expect(await socket.next('s')).toEqual({ kind: 'closed', code: 4403 });
    await eventually(
      () => t.gateway.services.feed.subscriberCount(world.launchId, 'readiness') === 0,
      'the subscription to end',
    );
  });

  it('re-checks the token on every operation: a revocation made by another instance stops the next one', async () => {
    const member = await createToken(t, { name: 'member a', role: 'TEAM_MEMBER', userId: 'member-a' });
    const socket = await connect(member.token);
    expect(await socket.acknowledged()).toBe(true);
    // Revoked in the shared table directly, as another gateway instance would: no notice reaches this one.
    await t.gateway.services.tokenStore.revoke(member.id, new Date().toISOString());

    const answer = await eventually(async () => {
      const result = await socket.run(`tick-${Math.random()}`, TICK, { input: { itemId: world.itemId } });
      return result.kind === 'next' ? false : result;
    }, 'an operation refused');
    expect(['error', 'closed']).toContain(answer.kind);
    expect(t.services.commands.filter((command) => command.type === 'TickItem')).toEqual([]);
    expect(await socket.closed()).toBe(4403);
  });

  it('stops an expired token on HTTP and on its open socket', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const created = await t.graphql<{ createApiToken: { token: string; apiToken: { expiresAt: string } } }>(
      'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { expiresAt } } }',
      { input: { name: 'short-lived', role: 'LAUNCH_MANAGER', expiresAt } },
    );
    const token = created.data?.createApiToken.token ?? '';
    expect(created.data?.createApiToken.apiToken.expiresAt).toBe(expiresAt);
    expect((await t.graphql('{ viewer { role } }', {}, token)).data).toEqual({
      viewer: { role: 'LAUNCH_MANAGER' },
    });
    const socket = await connect(token);
    expect(await socket.acknowledged()).toBe(true);

    offsetMs = 2 * 3_600_000;

    const http = await t.graphql('{ viewer { role } }', {}, token);
    expect(http.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await socket.closed()).toBe(4403);
  });

  it.each([
    ['an expiry in the past', { expiresAt: '2020-01-01T00:00:00Z' }, 'input.expiresAt'],
    ['a team scope naming no team', { userId: 'member-a', teamIds: [] }, 'input.teamIds'],
  ])('refuses %s with BAD_USER_INPUT', async (_what, extra, field) => {
    const result = await t.graphql(CREATE_TOKEN, {
      input: { name: 'refused', role: 'TEAM_MEMBER', userId: 'member-a', ...extra },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
