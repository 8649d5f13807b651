/**
 * S3: the REST release gate against a bare Fastify hello, same generator, same run, 16 connections.
 * Two rows: a LAUNCH_MANAGER token (no audit) and a PIPELINE token (every check audited).
 */
import { createChecklistFixture, TICK } from '../../../../apps/embedded/src/testing/launch-fixture';
import { measureLoad } from '../measure-load';
import { startPeer } from '../peers/peer-process';
import type { ScenarioResult } from '../verdict';
import { startEmbedded, type EmbeddedStack } from './embedded-stack';
import type { RunSettings, Scenario } from './scenario';

const CONNECTIONS = 16;
/** The gate answers 412 for a launch that is not ready: the seeded one has 5 of 8 items done. */
const NOT_READY = 412;

async function seedGoLaunch(stack: EmbeddedStack): Promise<string> {
  const fixture = await createChecklistFixture(
    stack.admin,
    Array.from({ length: 8 }, (_, i) => `Item ${i + 1}`),
  );
  for (const item of fixture.items.slice(0, 5))
    await stack.admin.request(TICK, { input: { itemId: item.id } });
  await stack.admin.request('mutation G($input: RecordGoNoGoInput!) { recordGoNoGo(input: $input) { id } }', {
    input: { launchId: fixture.launchId, decision: 'GO' },
  });
  const { launch } = await stack.admin.request<{ launch: { key: string } }>(
    'query K($id: ID!) { launch(id: $id) { key } }',
    { id: fixture.launchId },
  );
  return launch.key;
}

async function createToken(stack: EmbeddedStack, role: 'PIPELINE' | 'LAUNCH_MANAGER'): Promise<string> {
  const { createApiToken } = await stack.admin.request<{ createApiToken: { token: string } }>(
    'mutation T($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }',
    { input: { name: `bench ${role}`, role, userId: `bench-${role.toLowerCase()}` } },
  );
  return createApiToken.token;
}

async function run(settings: RunSettings): Promise<ScenarioResult[]> {
  const stack = await startEmbedded();
  const hello = await startPeer('fastify-hello', '/hello');
  try {
    const launchKey = await seedGoLaunch(stack);
    const gateUrl = `${stack.process.baseUrl}/v1/gates/${launchKey}?environment=production`;
    const base = {
      method: 'GET' as const,
      connections: CONNECTIONS,
      durationSeconds: settings.durationSeconds,
    };
    const embedded = { embedded: stack.process.pid };
    const peer = await measureLoad(
      'Fastify hello',
      { ...base, url: hello.url, headers: {} },
      settings.warmupSeconds,
      {
        fastify: hello.pid,
      },
    );
    const gate = async (role: 'PIPELINE' | 'LAUNCH_MANAGER') =>
      measureLoad(
        `gate (${role})`,
        {
          ...base,
          url: gateUrl,
          headers: { authorization: `Bearer ${await createToken(stack, role)}` },
          expectedStatuses: [NOT_READY],
        },
        settings.warmupSeconds,
        embedded,
      );
    const manager = await gate('LAUNCH_MANAGER');
    const pipeline = await gate('PIPELINE');
    const peerCpu = peer.cpu.filter((c) => c.process !== 'generator');
    return [
      {
        id: 'S3',
        title: `REST gate (LAUNCH_MANAGER, no audit) vs Fastify hello, ${CONNECTIONS} connections`,
        goal: { minRatioToPeer: 0.3, maxP99Ms: 5 },
        measured: manager.throughput,
        peer: peer.throughput,
        cpu: [...manager.cpu, ...peerCpu],
      },
      {
        id: 'S3p',
        title: `REST gate as PIPELINE (every check audited) vs Fastify hello`,
        goal: { minRatioToPeer: 0.25 },
        measured: pipeline.throughput,
        peer: peer.throughput,
        cpu: pipeline.cpu,
        note: 'a launch with 1 team, 8 required items (5 done): every answer is 412 NOT_READY.',
      },
    ];
  } finally {
    await hello.stop();
    await stack.close();
  }
}

export const s3Gate: Scenario = {
  id: 'S3',
  description: 'REST gate (and as PIPELINE, audited) vs bare Fastify hello, 16 connections',
  run,
};
