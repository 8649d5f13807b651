import { eventually } from '@tminus/testing';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedProcess } from './client/embedded-process';
import { GraphqlClient } from './client/graphql-client';

/** `npm start` from nothing: a clean data directory, the real process, its first answers. */
describe('embedded mode: cold start', () => {
  let parent: string;
  let running: EmbeddedProcess | undefined;

  beforeAll(() => (parent = mkdtempSync(join(tmpdir(), 'tminus-smoke-'))));
  afterAll(async () => {
    await running?.kill('SIGTERM');
    rmSync(parent, { recursive: true, force: true });
  });

  it('starts on a clean data directory and answers a GraphQL query', async () => {
    const dataDir = join(parent, 'data');
    const spawnedAt = Date.now();
    running = await EmbeddedProcess.start({ dataDir });
    const healthyMs = Date.now() - spawnedAt;

    const client = new GraphqlClient({ url: running.graphqlUrl, token: await running.adminToken() });
    const { teams } = await client.request<{ teams: unknown[] }>('query Smoke { teams { id key } }');
    const firstQueryMs = Date.now() - spawnedAt;
    console.info(
      `embedded cold start: /health 200 after ${healthyMs} ms, first query answered after ${firstQueryMs} ms`,
    );

    expect(teams).toEqual([]);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'admin.token')).mode & 0o777).toBe(0o600);
    for (const file of ['launches.db', 'teams.db', 'checklists.db', 'gateway.db', 'bus.db']) {
      expect(statSync(join(dataDir, file)).isFile()).toBe(true);
    }
  });

  it('refuses a request without a token', async () => {
    if (!running) throw new Error('the process did not start');
    const anonymous = new GraphqlClient({ url: running.graphqlUrl });
    const answer = await anonymous.execute('query Smoke { teams { id } }');
    expect(answer.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|AUTH/);
  });

  it("serves the services' metrics on the one /metrics, with the gateway's, each family once", async () => {
    if (!running) throw new Error('the process did not start');
    const client = new GraphqlClient({ url: running.graphqlUrl, token: await running.adminToken() });
    await client.request(
      `mutation { createTeam(input: { key: "metrics-qa", name: "QA", function: QA }) { id } }`,
    );
    const { baseUrl } = running;
    const metrics = async () => {
      const response = await fetch(`${baseUrl}/metrics`);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: await response.text(),
      };
    };
    // The teams service handled CreateTeam in this process; the gateway sent it and projected its event.
    const handled =
      /tminus_command_duration_seconds_count\{[^}]*service="teams"[^}]*command_type="CreateTeam"[^}]*outcome="ACCEPTED"[^}]*\} 1\n/;
    const { status, type, text } = await eventually(metrics, ({ text }) => handled.test(text), {
      what: 'the teams service metrics on /metrics',
      orLast: true,
    });
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(text).toMatch(handled);
    expect(text).toMatch(/tminus_gateway_commands_total\{[^}]*type="CreateTeam"/);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    const families = text.split('\n').filter((line) => line.startsWith('# TYPE '));
    expect(new Set(families).size).toBe(families.length);
  });

  it('serves GraphiQL and every file it loads from this server', async () => {
    if (!running) throw new Error('the process did not start');
    const page = await fetch(`${running.baseUrl}/graphiql`);
    const html = await page.text();
    expect(page.status).toBe(200);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset.startsWith('/graphiql/assets/')).toBe(true);
      const response = await fetch(`${running.baseUrl}${asset}`);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
    }
  });
});
