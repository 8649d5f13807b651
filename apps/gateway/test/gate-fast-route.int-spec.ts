import { createToken } from './support/seed';
import { startTestGateway, type TestGateway } from './support/test-gateway';

/** The REST gate served ahead of Nest on a running gateway: its metrics, and revocation under load. */
describe('the REST gate ahead of Nest, on a running gateway', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('serves the gate itself, measured under its route pattern as when Express routed it', async () => {
    const headers = { authorization: `Bearer ${t.adminToken}` };
    for (const launch of ['no-such-launch', 'another-one']) {
      const response = await fetch(`${t.gateway.url}/v1/gates/${launch}?environment=production`, { headers });
      expect(response.status).toBe(404);
      // Through Express the error would carry the ETag res.json computes: this one never went there.
      expect(response.headers.get('etag')).toBeNull();
      expect(await response.json()).toEqual({
        error: { code: 'LAUNCH.NOT_FOUND', message: expect.any(String) },
      });
    }
    // A spelling Express still routes here goes to Nest's route, as before.
    const viaNest = await fetch(`${t.gateway.url}/v1/gates/no-such-launch/?environment=production`, {
      headers,
    });
    expect(viaNest.status).toBe(404);
    expect(viaNest.headers.get('etag')).not.toBeNull();
    const metrics = await (await fetch(`${t.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/v1\/gates\/:launch",status_code="404"\} 3$/m,
    );
  });

  it('refuses a token from the moment its revocation committed, even with lookups of it queued', async () => {
    const pipeline = await createToken(t, { name: 'busy ci', role: 'PIPELINE' });
    const headers = { authorization: `Bearer ${pipeline.token}` };
    const gate = async () =>
      (await fetch(`${t.gateway.url}/v1/gates/no-such-launch?environment=production`, { headers })).status;
    // Checks in flight while the revocation commits (their lookups queue on SQLite's one connection).
    const before = Array.from({ length: 20 }, () => gate());
    // Revoked in the table directly, as another gateway instance would: no notice reaches this one.
    await t.gateway.services.tokenStore.revoke(pipeline.id, new Date().toISOString());
    const after = await Promise.all(Array.from({ length: 20 }, () => gate()));
    expect(after).toEqual(Array.from({ length: 20 }, () => 401));
    for (const status of await Promise.all(before)) expect([401, 404]).toContain(status);
  });
});

describe('a gateway without the REST gate', () => {
  it('starts, and has no gate route ahead of Nest either', async () => {
    const t = await startTestGateway({ features: [] });
    try {
      const response = await fetch(`${t.gateway.url}/v1/gates/x?environment=production`, {
        headers: { authorization: `Bearer ${t.adminToken}` },
      });
      expect(response.status).toBe(404);
      expect((await t.graphql('{ viewer { role } }')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
