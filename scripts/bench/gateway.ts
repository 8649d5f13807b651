/**
 * `npm run bench:gateway [-- --mode embedded|distributed]`: `tickItem` mutations per second end to end
 * (gateway → command → service → event → read model → answer) with p50/p99, the event → read-model lag
 * seen by a `launchActivity` subscriber (p50/p99: an upper bound of the projection lag, since it also
 * counts the push to the client), and the same read query against the gateway and a bare Apollo
 * Server in the same run (the ratio). All on this machine; bounded counts.
 *
 * Embedded (default): `npm start`'s process. Distributed: four processes on Kafka and PostgreSQL
 * (needs KAFKA_BROKERS; `npm run infra:up` gives 127.0.0.1:19092).
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedProcess } from '../../apps/embedded/src/client/embedded-process';
import { build } from '../build/build';
import { GraphqlClient } from '../../apps/embedded/src/client/graphql-client';
import {
  createChecklistFixture,
  TICK,
  type ChecklistFixture,
} from '../../apps/embedded/src/testing/launch-fixture';
import { DistributedStack } from '../../test/e2e/support/distributed-stack';
import { SubscriptionRecorder } from '../../test/e2e/support/subscription-recorder';
import { latencyTable, measureLatency, percentile, runConcurrently } from './latency';

const CHECKLISTS = Number(process.env.BENCH_GATEWAY_CHECKLISTS ?? 4);
const ITEMS_PER_CHECKLIST = Number(process.env.BENCH_GATEWAY_ITEMS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_GATEWAY_CONCURRENCY ?? 8);
const QUERIES = Number(process.env.BENCH_GATEWAY_QUERIES ?? 2_000);

const READ_QUERY = 'query Q($id: ID!) { launch(id: $id) { id key status readiness { ready percent } } }';

interface Stack {
  readonly graphqlUrl: string;
  readonly adminToken: string;
  close(): Promise<void>;
}

async function startStack(mode: string): Promise<Stack> {
  await build(); // both modes spawn the compiled apps
  if (mode === 'distributed') {
    const stack = await DistributedStack.start();
    return { graphqlUrl: stack.graphqlUrl, adminToken: stack.adminToken, close: () => stack.stop() };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'tminus-bench-'));
  const embedded = await EmbeddedProcess.start({ dataDir, env: { LOG_LEVEL: 'warn' } });
  return {
    graphqlUrl: embedded.graphqlUrl,
    adminToken: await embedded.adminToken(),
    close: async () => {
      await embedded.kill('SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The same read query against an Apollo Server that does no work: what GraphQL itself costs here. */
async function startBareApollo(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = new ApolloServer({
    typeDefs: `type Readiness { ready: Boolean! percent: Int! }
      type Launch { id: ID! key: String! status: String! readiness: Readiness! }
      type Query { launch(id: ID!): Launch }`,
    resolvers: {
      Query: {
        launch: (_: unknown, { id }: { id: string }) => ({
          id,
          key: 'bench',
          status: 'PLANNING',
          readiness: { ready: false, percent: 40 },
        }),
      },
    },
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

interface Activity {
  launchActivity: { type: string; at: string };
}

const ticked = (seen: readonly Activity[]) =>
  seen.filter((s) => s.launchActivity.type === 'ChecklistItemTicked');

async function untilLive(admin: GraphqlClient, recorder: SubscriptionRecorder<Activity>, itemId: string) {
  for (let attempt = 0; attempt < 40; attempt++) {
    const mutation =
      attempt % 2 === 0 ? TICK : 'mutation U($input: ItemRefInput!) { untickItem(input: $input) { id } }';
    await admin.request(mutation, { input: { itemId } });
    try {
      await recorder.waitFor((seen) => seen.length > 0, 500);
      if (attempt % 2 === 1) await admin.request(TICK, { input: { itemId } });
      return;
    } catch {
      // not registered yet: toggle again
    }
  }
  throw new Error('the launchActivity subscription never went live');
}

export async function runGatewayBenchmark(mode = 'embedded'): Promise<void> {
  const stack = await startStack(mode);
  const bare = await startBareApollo();
  const recorders: SubscriptionRecorder<Activity>[] = [];
  try {
    const admin = new GraphqlClient({ url: stack.graphqlUrl, token: stack.adminToken });
    const titles = Array.from({ length: ITEMS_PER_CHECKLIST }, (_, i) => `Item ${i + 1}`);
    const fixtures: ChecklistFixture[] = [];
    for (let i = 0; i < CHECKLISTS; i++) fixtures.push(await createChecklistFixture(admin, titles));
    for (const fixture of fixtures) {
      const recorder = new SubscriptionRecorder<Activity>(
        stack.graphqlUrl.replace(/^http/, 'ws'),
        stack.adminToken,
      ).start('subscription A($id: ID!) { launchActivity(launchId: $id) { type at } }', {
        id: fixture.launchId,
      });
      recorders.push(recorder);
    }
    // Toggle each checklist's first item until its subscriber sees activity: then the subscription is
    // registered on the server and no measured event can slip past it.
    for (const [index, fixture] of fixtures.entries())
      await untilLive(admin, recorders[index], fixture.items[0].id);
    const liveFrom = recorders.map((recorder) => recorder.received.length);
    // Interleave the checklists so concurrent ticks mostly hit different streams, as real teams do.
    const items = titles.slice(1).flatMap((_, i) => fixtures.map((fixture) => fixture.items[i + 1].id));
    const ticks = await measureLatency(
      'tickItem (read-your-writes)',
      items.length,
      CONCURRENCY,
      async (index) => {
        await admin.request(TICK, { input: { itemId: items[index] } });
      },
    );
    await Promise.all(
      recorders.map((recorder) => recorder.waitFor((seen) => ticked(seen).length >= ITEMS_PER_CHECKLIST)),
    );
    const lags = recorders
      .flatMap((recorder, r) =>
        recorder.received.map((s, i) => ({ s, at: recorder.arrivedAt[i] })).slice(liveFrom[r]),
      )
      .filter(({ s }) => s.launchActivity.type === 'ChecklistItemTicked')
      .map(({ s, at }) => at - Date.parse(s.launchActivity.at))
      .sort((a, b) => a - b);

    const launchId = fixtures[0].launchId;
    const bareClient = new GraphqlClient({ url: bare.url });
    const query = (client: GraphqlClient) => async () =>
      void (await client.request(READ_QUERY, { id: launchId }));
    await runConcurrently(200, CONCURRENCY, query(admin));
    await runConcurrently(200, CONCURRENCY, query(bareClient));
    const bareQueries = await measureLatency(
      'launch query, bare Apollo Server',
      QUERIES,
      CONCURRENCY,
      query(bareClient),
    );
    const gatewayQueries = await measureLatency(
      'launch query, tminus gateway',
      QUERIES,
      CONCURRENCY,
      query(admin),
    );

    console.log(
      `\nGateway, ${mode} mode: ${items.length} ticks over ${CHECKLISTS} checklists at concurrency ${CONCURRENCY}; ` +
        `${QUERIES} queries each.\n`,
    );
    console.log(latencyTable([ticks], ticks, 'mutation'));
    console.log(
      `\nevent → read model → subscriber lag over ${lags.length} ticks: ` +
        `p50 ${percentile(lags, 50).toFixed(1)} ms, p99 ${percentile(lags, 99).toFixed(1)} ms\n`,
    );
    console.log(latencyTable([bareQueries, gatewayQueries], bareQueries, 'query'));
  } finally {
    await Promise.all(recorders.map((recorder) => recorder.stop().catch(() => undefined)));
    await bare.stop();
    await stack.close();
  }
}
