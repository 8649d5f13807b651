import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DistributedStack } from './support/distributed-stack';
import { eventually } from './support/eventually';

const APPS = ['teams', 'launches', 'checklists', 'gateway'] as const;

/** What each app's readiness depends on; the shape around it is the same everywhere. */
const CHECKS: Record<(typeof APPS)[number], string[]> = {
  teams: ['consumers', 'database'],
  launches: ['consumers', 'database'],
  checklists: ['consumers', 'database'],
  gateway: ['database', 'projector', 'writes'],
};

/** An OTLP/HTTP endpoint that takes the spans and drops them: tracing on, nothing to inspect here. */
class SpanSink {
  private readonly server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const jsonLines = (output: string): Record<string, unknown>[] =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

// One operational shell for the four apps of the distributed mode: the same health JSON and probes, the
// same metric names, JSON logs with the trace of the request, and the same SIGTERM behaviour.
describe('operations, distributed mode', () => {
  const sink = new SpanSink();
  let stack: DistributedStack | undefined;
  const url = (app: (typeof APPS)[number], path: string) => `${stack!.apps[app].baseUrl}${path}`;
  const metricsOf = async (app: (typeof APPS)[number]) => (await fetch(url(app, '/metrics'))).text();

  beforeAll(async () => {
    stack = await DistributedStack.start({
      LOG_LEVEL: 'debug',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: await sink.start(),
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_LOGS_EXPORTER: 'none',
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await sink.stop();
  });

  it('answers /health, /health/ready and /health/live with the same JSON in every app', async () => {
    for (const app of APPS) {
      for (const path of ['/health', '/health/ready']) {
        const response = await fetch(url(app, path));
        expect({ app, path, status: response.status, body: await response.json() }).toEqual({
          app,
          path,
          status: 200,
          body: { status: 'up', checks: Object.fromEntries(CHECKS[app].map((check) => [check, 'up'])) },
        });
      }
      const live = await fetch(url(app, '/health/live'));
      expect({ app, status: live.status, body: await live.json() }).toEqual({
        app,
        status: 200,
        body: { status: 'up', checks: {} },
      });
    }
  });

  it('logs JSON lines carrying the trace of a traced request, and counts it under the shared metric names', async () => {
    const traceId = randomBytes(16).toString('hex');
    const key = `ops-${randomBytes(3).toString('hex')}`;
    const graphql = (query: string, headers: Record<string, string> = {}) =>
      fetch(stack!.graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${stack!.adminToken}`,
          ...headers,
        },
        body: JSON.stringify({ query }),
      }).then((response) => response.json());
    expect(
      await graphql(`mutation { createTeam(input: { key: "${key}", name: "Ops", function: QA }) { key } }`, {
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      }),
    ).toMatchObject({ data: { createTeam: { key } } });
    await graphql('{ gate(launch: "no-such-launch", environment: "production") { decision } }');

    const published = jsonLines(stack!.apps.gateway.logs()).find((line) => line.msg === 'command published');
    expect(published).toMatchObject({ name: 'tminus-gateway', trace_id: traceId });
    expect(published?.span_id).toMatch(/^[0-9a-f]{16}$/);

    for (const app of APPS) {
      const metrics = await metricsOf(app);
      expect(metrics).toContain('process_cpu_seconds_total');
      expect(metrics).toMatch(
        /^http_request_duration_seconds_count\{method="GET",route="\/health",status_code="200"\} /m,
      );
    }
    const teams = await eventually(
      () => metricsOf('teams'),
      (text) =>
        /^tminus_consumer_lag\{group="[^"]+",topic="tminus\.teams\.commands",partition="\d"\} 0$/m.test(text),
      { what: 'the teams consumer lag' },
    );
    expect(teams).toMatch(
      /^tminus_command_duration_seconds_count\{service="teams",command_type="CreateTeam",outcome="ACCEPTED"\} 1$/m,
    );
    const gateway = await metricsOf('gateway');
    expect(gateway).toMatch(
      /^http_request_duration_seconds_count\{method="POST",route="\/graphql",status_code="200"\} [1-9]\d*$/m,
    );
    expect(gateway).toMatch(/^tminus_gate_decisions_total\{result="UNKNOWN_LAUNCH"\} 1$/m);
    expect(gateway).toMatch(/^tminus_projection_lag_seconds \d/m);
    expect(gateway).toMatch(
      /^tminus_consumer_lag\{group="gateway-[^"]+",topic="tminus\.teams\.events",partition="\d"\} \d+$/m,
    );
  });

  it('stops every app the same way on SIGTERM: drained, closed, exit code 0', async () => {
    const running = stack!;
    stack = undefined;
    await running.stop();
    for (const app of APPS) {
      expect({ app, exit: running.apps[app].exitStatus }).toEqual({ app, exit: { code: 0, signal: null } });
      const lines = jsonLines(running.apps[app].logs()).map((line) => line.msg);
      expect(lines).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
    }
  });
});
