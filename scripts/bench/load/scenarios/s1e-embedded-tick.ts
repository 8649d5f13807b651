/**
 * S1e: embedded `tickItem` (read-your-writes: the answer waits for the read model), 32 connections,
 * 4 checklists × 250 items. Peer: a bare Apollo Server with the same schema slice and the same bodies.
 */
import {
  createChecklistFixture,
  TICK,
  UNTICK,
  type ChecklistFixture,
} from '../../../../apps/embedded/src/testing/launch-fixture';
import { measureLoad } from '../measure-load';
import { startPeer } from '../peers/peer-process';
import type { ScenarioResult } from '../verdict';
import { startEmbedded } from './embedded-stack';
import type { RunSettings, Scenario } from './scenario';

const CONNECTIONS = 32;
const CHECKLISTS = 4;
const ITEMS = 250;

/**
 * All items ticked, then all unticked, round after round, interleaving the checklists: two requests
 * on one item are 1,000 requests apart, so 32 connections never race on an item (every answer is a
 * success, never a rejection), while the checklists' streams keep growing as real ones do.
 */
export function tickBodies(fixtures: readonly ChecklistFixture[], items: number): string[] {
  const ids = Array.from({ length: items }, (_, i) => fixtures.map((f) => f.items[i].id)).flat();
  const body = (query: string, itemId: string) => JSON.stringify({ query, variables: { input: { itemId } } });
  return [...ids.map((id) => body(TICK, id)), ...ids.map((id) => body(UNTICK, id))];
}

async function run(settings: RunSettings): Promise<ScenarioResult[]> {
  const stack = await startEmbedded();
  const apollo = await startPeer('bare-apollo', '/');
  try {
    const titles = Array.from({ length: ITEMS }, (_, i) => `Item ${i + 1}`);
    const fixtures = await Promise.all(
      Array.from({ length: CHECKLISTS }, () => createChecklistFixture(stack.admin, titles)),
    );
    const bodies = tickBodies(fixtures, ITEMS);
    const spec = {
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminToken}` },
      bodies,
      connections: CONNECTIONS,
      durationSeconds: settings.durationSeconds,
      graphql: true,
    };
    const peer = await measureLoad('bare Apollo', { ...spec, url: apollo.url }, settings.warmupSeconds, {
      apollo: apollo.pid,
    });
    const measured = await measureLoad(
      'tickItem',
      { ...spec, url: stack.process.graphqlUrl },
      settings.warmupSeconds,
      { embedded: stack.process.pid },
    );
    return [
      {
        id: 'S1e',
        title: `embedded tickItem, ${CONNECTIONS} connections, ${CHECKLISTS}×${ITEMS} items`,
        goal: { minPerSecond: 2_000, maxP99Ms: 25 },
        measured: measured.throughput,
        peer: peer.throughput,
        cpu: [...measured.cpu, ...peer.cpu.filter((c) => c.process !== 'generator')],
        note: `tick/untick rounds over ${bodies.length / 2} items; streams grow during the run (warm-up included).`,
      },
    ];
  } finally {
    await apollo.stop();
    await stack.close();
  }
}

export const s1eEmbeddedTick: Scenario = {
  id: 'S1e',
  description: 'embedded tickItem, 32 connections, 4 checklists × 250 items (peer: bare Apollo)',
  run,
};
