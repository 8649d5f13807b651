/**
 * S1d: distributed `tickItem` (four processes, Kafka and PostgreSQL), 32 connections, the same
 * checklists and bodies as S1e. Peer: raw `pg` single-row commits from 32 connections in the same run
 * (every tick needs at least one commit in checklists and one in the gateway); the note adds raw
 * kafkajs produce → consume at 500/s on the same broker (every tick crosses Kafka twice).
 */
import { createChecklistFixture } from '../../../../apps/embedded/src/testing/launch-fixture';
import { GraphqlClient } from '../../../../apps/embedded/src/client/graphql-client';
import { DistributedStack } from '../../../../test/e2e/support/distributed-stack';
import { stopOnAbort } from '../cleanup';
import { measureLoad } from '../measure-load';
import { measureKafkaPeer } from '../peers/kafka-round-trip';
import { measurePgCommits } from '../peers/pg-commits';
import type { ScenarioResult } from '../verdict';
import type { RunSettings, Scenario } from './scenario';
import { tickBodies } from './s1e-embedded-tick';

const CONNECTIONS = 32;
const CHECKLISTS = 4;
const ITEMS = 250;

async function run(settings: RunSettings): Promise<ScenarioResult[]> {
  // The shared local broker of `npm run infra:up` unless told otherwise (as bench:commands does).
  process.env.KAFKA_BROKERS ||= '127.0.0.1:19092';
  const stack = await DistributedStack.start({ LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000' });
  const unregister = stopOnAbort(() => stack.stop());
  try {
    const admin = new GraphqlClient({ url: stack.graphqlUrl, token: stack.adminToken });
    const titles = Array.from({ length: ITEMS }, (_, i) => `Item ${i + 1}`);
    const fixtures = await Promise.all(
      Array.from({ length: CHECKLISTS }, () => createChecklistFixture(admin, titles)),
    );
    const peer = await measurePgCommits(CONNECTIONS, settings.durationSeconds);
    const kafka = await measureKafkaPeer('kafkajs', 500, settings.durationSeconds, settings.warmupSeconds);
    const pids = Object.fromEntries(Object.entries(stack.apps).map(([name, app]) => [name, app.pid]));
    // The gateway first: it is the process the generator talks to (per server CPU-second).
    const { gateway, ...services } = pids;
    const measured = await measureLoad(
      'tickItem',
      {
        url: stack.graphqlUrl,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminToken}` },
        bodies: tickBodies(fixtures, ITEMS),
        connections: CONNECTIONS,
        durationSeconds: settings.durationSeconds,
        graphql: true,
      },
      settings.warmupSeconds,
      { gateway, ...services },
    );
    return [
      {
        id: 'S1d',
        title: `distributed tickItem (Kafka + PostgreSQL, 4 processes), ${CONNECTIONS} connections, ${CHECKLISTS}×${ITEMS} items`,
        goal: { minPerSecond: 800, maxP99Ms: 60 },
        measured: measured.throughput,
        peer,
        cpu: measured.cpu,
        note: `Kafka alone in the same run (${kafka.label}): ${Math.round(kafka.perSecond)}/s, p50 ${kafka.p50Ms} ms, p99 ${kafka.p99Ms} ms.`,
      },
    ];
  } finally {
    unregister();
    await stack.stop();
  }
}

export const s1dDistributedTick: Scenario = {
  id: 'S1d',
  description: 'distributed tickItem, 4 processes on Kafka and PostgreSQL (peer: raw pg single-row commits)',
  run,
};
