/**
 * S7 (first half): does a tick cost more on a long stream? `tickItem` p99 on a checklist whose stream
 * already holds 2,000 events against one holding about 20, in one embedded process, the same light
 * load on each (2 connections: latency, not throughput). The goal is a ratio of the two p99s, so the
 * "peer" here is the short checklist. Both streams grow by what the measurement itself ticks.
 */
import {
  createChecklistFixture,
  TICK,
  UNTICK,
  type ChecklistFixture,
} from '../../../../apps/embedded/src/testing/launch-fixture';
import type { GraphqlClient } from '../../../../apps/embedded/src/client/graphql-client';
import { measureLoad } from '../measure-load';
import type { ScenarioResult } from '../verdict';
import { startEmbedded } from './embedded-stack';
import { tickBodies } from './s1e-embedded-tick';
import type { RunSettings, Scenario } from './scenario';

const CONNECTIONS = 2;
const ITEMS = 20;

/** Ticks and unticks the fixture's items until its stream holds about `events` events. */
async function grow(client: GraphqlClient, fixture: ChecklistFixture, events: number): Promise<void> {
  for (let n = ITEMS; n < events; n += 2 * ITEMS) {
    for (const query of [TICK, UNTICK])
      await Promise.all(fixture.items.map((item) => client.request(query, { input: { itemId: item.id } })));
  }
}

async function run(settings: RunSettings): Promise<ScenarioResult[]> {
  // --quick: a shorter long stream (building 2,000 events takes a while on a shared machine).
  const longEvents = settings.quick ? 400 : 2_000;
  const stack = await startEmbedded();
  try {
    const titles = Array.from({ length: ITEMS }, (_, i) => `Item ${i + 1}`);
    const short = await createChecklistFixture(stack.admin, titles);
    const long = await createChecklistFixture(stack.admin, titles);
    await grow(stack.admin, long, longEvents);
    const spec = (fixture: ChecklistFixture) => ({
      method: 'POST' as const,
      url: stack.process.graphqlUrl,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminToken}` },
      bodies: tickBodies([fixture], ITEMS),
      connections: CONNECTIONS,
      durationSeconds: settings.durationSeconds,
      graphql: true,
    });
    const servers = { embedded: stack.process.pid };
    // No warm-up on the short one beyond a second: it must stay short.
    const shortRun = await measureLoad('tickItem, ~20-event checklist', spec(short), 0, servers);
    const longRun = await measureLoad(`tickItem, ${longEvents}-event checklist`, spec(long), 0, servers);
    return [
      {
        id: 'S7',
        title: `growth: tickItem p99 on a ${longEvents}-event checklist vs a ~20-event one, ${CONNECTIONS} connections`,
        goal: { maxP99RatioToPeer: 1.2 },
        measured: longRun.throughput,
        peer: shortRun.throughput,
        cpu: longRun.cpu,
        note: `${ITEMS} items per checklist; each stream also grows by what its own measurement ticks.`,
      },
    ];
  } finally {
    await stack.close();
  }
}

export const s7Growth: Scenario = {
  id: 'S7',
  description: 'growth: tickItem p99 on a 2,000-event checklist vs a ~20-event one (embedded)',
  run,
};
