import { RawGraphqlWs } from './support/raw-graphql-ws';
import { createToken } from './support/seed';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const aliases = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, n) => `a${n}: ${field}`).join(' ')} }`;

/** Bounded work per request: alias and cost limits (HTTP and WebSocket), and a per-token rate limit. */
describe('bounded work per request', () => {
  let t: TestGateway;
  const LIMIT = 10;

  beforeAll(async () => {
    t = await startTestGateway({ rateLimit: { limit: LIMIT, windowMs: 60_000 } });
  });
  afterAll(() => t.close());

  it('refuses a 2,000-alias query with TOO_MANY_ALIASES, over HTTP and over a WebSocket', async () => {
    const query = aliases(2_000, 'launches(first: 100) { edges { node { id } } }');
    const http = await t.graphql(query);
    expect(http.status).toBe(400);
    expect(http.errors?.map((error) => error.extensions?.code)).toEqual(['TOO_MANY_ALIASES']);
    const socket = await RawGraphqlWs.connect(t.gateway.url, t.adminToken);
    try {
      expect(await socket.acknowledged()).toBe(true);
      expect(await socket.run('1', query)).toEqual({
        kind: 'error',
        payload: [expect.objectContaining({ extensions: { code: 'TOO_MANY_ALIASES' } })],
      });
    } finally {
      socket.close();
    }
  });

  it('refuses many as-of replays, or readiness evaluations, by their cost with QUERY_TOO_COMPLEX', async () => {
    // 25 aliases (within the alias limit), each a replay of a launch's events.
    const asOf = aliases(25, 'launchAsOf(id: "x", at: "2026-01-01T00:00:00Z") { id readiness { percent } }');
    const replays = await t.graphql(asOf);
    expect(replays.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    // 20 pages of 100 launches, two readiness evaluations each.
    const readiness = await t.graphql(
      aliases(
        20,
        'launches(first: 100) { edges { node { readiness { percent } r2: readiness { percent } } } }',
      ),
    );
    expect(readiness.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('answers 429 RATE_LIMITED with Retry-After once a token spent its budget, on GraphQL and the REST gate', async () => {
    const pipeline = await createToken(t, { name: 'busy ci', role: 'PIPELINE' });
    const headers = { authorization: `Bearer ${pipeline.token}`, 'content-type': 'application/json' };
    const gate = () => fetch(`${t.gateway.url}/v1/gates/no-such-launch?environment=production`, { headers });
    for (let i = 0; i < LIMIT; i++) expect((await gate()).status).toBe(404);

    const refused = await gate();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    const graphql = await fetch(`${t.gateway.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(graphql.status).toBe(429);
    expect(graphql.headers.get('retry-after')).not.toBeNull();
    expect(await graphql.json()).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'RATE_LIMITED' } }],
    });
    // Another token has its own budget.
    expect((await t.graphql('{ viewer { role } }')).status).toBe(200);
  });
});
