import { startTestGateway, type TestGateway } from './support/test-gateway';
import { RawGraphqlWs } from './support/raw-graphql-ws';
import { failureOf, wsClient } from './support/ws-client';

const post = (t: TestGateway, body: string) =>
  fetch(`${t.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
    body,
  });

describe('protection: query limits, body size, health and metrics', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway({ limits: { maxDepth: 4, maxComplexity: 50 }, maxBodyBytes: 64 * 1024 });
  });
  afterAll(() => t.close());

  it('refuses a query deeper than the limit with QUERY_TOO_DEEP', async () => {
    const result = await t.graphql('{ launches { edges { node { teams { checklist { id } } } } } }');
    expect(result.status).toBe(400);
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('refuses a query costlier than the limit with QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 25 }, (_, n) => `t${n}: teams { id }`).join(' ');
    const result = await t.graphql(`{ ${aliases} }`);
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('applies the same limits to subscriptions', async () => {
    const client = wsClient(t.gateway.url, t.adminToken);
    try {
      const errors = await failureOf(
        client,
        `subscription { readinessChanged(launchId: "x") { readiness {
          blockers { code message team teamId item itemId }
          overdue { team teamId checklistId itemId title required state dueDate }
        } } }`,
      );
      expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX' } })]);
    } finally {
      await client.dispose();
    }
  });

  it('answers 413 PAYLOAD_TOO_LARGE as JSON for a body over the limit', async () => {
    const response = await post(t, JSON.stringify({ query: `{ __typename } # ${'x'.repeat(70 * 1024)}` }));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.stringContaining('64 KiB'), extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('closes a WebSocket whose message is over the body limit (1009, unread) and keeps serving', async () => {
    const huge = await RawGraphqlWs.connect(t.gateway.url, null, {
      authorization: `Bearer ${t.adminToken}`,
      padding: 'x'.repeat(2 * 1024 * 1024),
    });
    // 1009 "message too big" comes from ws itself, on the frame's length, before graphql-ws sees it.
    expect(await huge.acknowledged()).toEqual({ closed: 1009 });
    const fine = await RawGraphqlWs.connect(t.gateway.url, t.adminToken);
    try {
      expect(await fine.acknowledged()).toBe(true);
      expect(await fine.run('1', '{ viewer { role } }')).toEqual({
        kind: 'next',
        payload: { data: { viewer: { role: 'ADMIN' } } },
      });
    } finally {
      fine.close();
    }
  });

  it('answers 400 BAD_REQUEST as JSON for a body that is not JSON', async () => {
    const response = await post(t, '{"query": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('asks for a token on data, but not on introspection', async () => {
    const anonymous = await t.graphql('{ teams { id } }', {}, null);
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const schema = await t.graphql('{ __schema { queryType { name } } }', {}, null);
    expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('reports health and Prometheus metrics', async () => {
    const health = await fetch(`${t.gateway.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'up',
      checks: { database: 'up', writes: 'up', projector: 'up' },
    });
    await t.graphql('{ teams { id } }');
    const metrics = await (await fetch(`${t.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/tminus_gateway_graphql_operations_total\{operation="query",result="ok"\} [1-9]/);
    expect(metrics).toContain('tminus_gateway_pending_commands 0');
    expect(metrics).toContain('process_cpu_seconds_total');
  });

  it('exposes the metric names all four apps share (docs/observability.md)', async () => {
    await t.graphql('{ teams { id } }');
    const metrics = await (await fetch(`${t.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(
      /^http_request_duration_seconds_count\{method="POST",route="\/graphql",status_code="200"\} [1-9]/m,
    );
    expect(metrics).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/health",status_code="200"\} /m,
    );
    expect(metrics).toMatch(/^tminus_projection_lag_seconds 0$/m);
    // Counters with labels and the consumer lag (this gateway's fake bus reports no positions) appear
    // once they have a value; the distributed e2e test (test/e2e/operations.distributed.e2e-spec.ts) sees them.
    expect(metrics).toContain('# TYPE tminus_gate_decisions_total counter');
    expect(metrics).toContain('# TYPE tminus_consumer_lag gauge');
  });

  it('answers /health/live always, and /health/ready 503 while writes fail, 200 once they work again', async () => {
    const db = t.gateway.services.db;
    const ready = async () => {
      const response = await fetch(`${t.gateway.url}/health/ready`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect((await ready()).status).toBe(200);
    // The SQLite connection turns read-only: every write fails as on a read-only file.
    await db.read((sql) => sql.execute('PRAGMA query_only = ON'));
    try {
      expect(await ready()).toEqual({
        status: 503,
        body: { status: 'down', checks: { database: 'up', writes: 'down', projector: 'up' } },
      });
      expect((await fetch(`${t.gateway.url}/health/live`)).status).toBe(200);
    } finally {
      await db.read((sql) => sql.execute('PRAGMA query_only = OFF'));
    }
    expect(await ready()).toEqual({
      status: 200,
      body: { status: 'up', checks: { database: 'up', writes: 'up', projector: 'up' } },
    });
  });

  it('answers 503 on /health once the projector has stopped', async () => {
    await t.gateway.services.projector.stop();
    const health = await fetch(`${t.gateway.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'down', checks: { projector: 'down' } });
  });
});
