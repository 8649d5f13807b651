import { startTestGateway, type TestGateway } from './support/test-gateway';

/** The REST gate served ahead of Nest on a running gateway keeps the HTTP metrics Express gave it. */
describe('the REST gate ahead of Nest, on a running gateway', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('is measured under its route pattern, as when Express routed it', async () => {
    const headers = { authorization: `Bearer ${t.adminToken}` };
    for (const launch of ['no-such-launch', 'another-one'])
      expect(
        (await fetch(`${t.gateway.url}/v1/gates/${launch}?environment=production`, { headers })).status,
      ).toBe(404);
    const metrics = await (await fetch(`${t.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/v1\/gates\/:launch",status_code="404"\} 2$/m,
    );
  });
});
