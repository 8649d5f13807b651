/**
 * `npm run bench -- incidents [--mode embedded|distributed]`: a burst of alerts from an on-call tool
 * (`POST /v1/incidents/generic`, signed, each a new incident of one launch in hypercare) — alerts per
 * second and p50/p99 to the 202 — and, while the burst runs, `editLaunch` mutations on another launch
 * against the same mutations measured before it: ingestion is a command like any other and must not
 * slow the command path. Bounded counts (BENCH_ALERTS, default 1,000).
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedProcess } from '../../apps/embedded/src/client/embedded-process';
import { GraphqlClient } from '../../apps/embedded/src/client/graphql-client';
import { DistributedStack } from '../../test/e2e/support/distributed-stack';
import { build } from '../build/build';
import { latencyTable, measureLatency } from './latency';

const ALERTS = Number(process.env.BENCH_ALERTS ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_ALERTS_CONCURRENCY ?? 16);
const EDITS = Number(process.env.BENCH_ALERTS_EDITS ?? 200);
const SECRET = 'bench-incident-secret';
const ENV = { TMINUS_INCIDENT_WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'warn' };

interface Stack {
  readonly graphqlUrl: string;
  readonly adminToken: string;
  close(): Promise<void>;
}

async function startStack(mode: string): Promise<Stack> {
  await build();
  if (mode === 'distributed') {
    const stack = await DistributedStack.start(ENV);
    return { graphqlUrl: stack.graphqlUrl, adminToken: stack.adminToken, close: () => stack.stop() };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'tminus-bench-incidents-'));
  const embedded = await EmbeddedProcess.start({ dataDir, env: ENV });
  return {
    graphqlUrl: embedded.graphqlUrl,
    adminToken: await embedded.adminToken(),
    close: async () => {
      await embedded.kill('SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function launch(admin: GraphqlClient, key: string, live: boolean): Promise<string> {
  const { createLaunch } = await admin.request<{ createLaunch: { id: string } }>(
    'mutation($input: CreateLaunchInput!) { createLaunch(input: $input) { id } }',
    { input: { key, name: key, targetDate: '2031-01-01' } },
  );
  if (live) {
    const input = { launchId: createLaunch.id };
    await admin.request('mutation($input: RecordGoNoGoInput!) { recordGoNoGo(input: $input) { id } }', {
      input: { ...input, decision: 'GO' },
    });
    await admin.request('mutation($input: MarkLaunchedInput!) { markLaunched(input: $input) { id } }', {
      input,
    });
  }
  return createLaunch.id;
}

export async function runIncidentsBenchmark(mode = 'embedded'): Promise<void> {
  const stack = await startStack(mode);
  try {
    const admin = new GraphqlClient({ url: stack.graphqlUrl, token: stack.adminToken });
    const run = Date.now().toString(36);
    const liveId = await launch(admin, `bench-live-${run}`, true);
    const otherId = await launch(admin, `bench-other-${run}`, false);
    await admin.request(
      'mutation($input: MapIncidentSourceInput!) { mapIncidentSource(input: $input) { id } }',
      { input: { source: 'GENERIC', match: `bench-${run}`, launchId: liveId } },
    );
    const edit = (label: string) => async (index: number) =>
      void (await admin.request('mutation($input: EditLaunchInput!) { editLaunch(input: $input) { id } }', {
        input: { launchId: otherId, name: `${label} ${index}` },
      }));
    const base = stack.graphqlUrl.replace(/\/graphql$/, '');
    const post = async (index: number): Promise<void> => {
      const body = JSON.stringify({
        service: `bench-${run}`,
        id: `alert-${index}`,
        status: 'triggered',
        severity: index % 2 === 0 ? 'SEV3' : 'SEV4',
        title: `Bench alert ${index}`,
        url: `https://alerts.example.com/${index}`,
      });
      const response = await fetch(`${base}/v1/incidents/generic`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-tminus-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
        },
        body,
      });
      const answer = (await response.json()) as { alerts?: { outcome: string }[] };
      if (response.status !== 202 || answer.alerts?.[0]?.outcome !== 'recorded')
        throw new Error(`alert ${index}: ${response.status} ${JSON.stringify(answer)}`);
    };

    await measureLatency('warm-up', 50, 4, edit('warm'));
    const before = await measureLatency('editLaunch, before the burst', EDITS, 4, edit('before'));
    const [alerts, during] = await Promise.all([
      measureLatency(`${ALERTS} alerts (generic, signed)`, ALERTS, CONCURRENCY, post),
      measureLatency('editLaunch, during the burst', EDITS, 4, edit('during')),
    ]);
    const { launch: live } = await admin.request<{ launch: { support: { incidents: unknown[] } } }>(
      'query($id: ID!) { launch(id: $id) { support { incidents { id } } } }',
      { id: liveId },
    );
    console.log(
      `\nIncident alerts, ${mode} mode: ${ALERTS} alerts at concurrency ${CONCURRENCY}; ` +
        `${live.support.incidents.length} incidents on the launch afterwards.\n`,
    );
    console.log(latencyTable([alerts], alerts, 'alerts'));
    console.log('');
    console.log(latencyTable([before, during], before, 'command path'));
  } finally {
    await stack.close();
  }
}
