/**
 * S2: event → subscriber lag, distributed (four processes, Kafka and PostgreSQL), open loop. Ticks and
 * unticks are sent on a fixed schedule (500/s) whatever the answers do; a graphql-ws client holds a
 * `launchActivity` subscription per launch, and each event's lag is its arrival there minus the
 * *scheduled* send time of the mutation that caused it (corrected for coordinated omission: a
 * backlog shows as lag, it does not slow the sender down). HDR histogram. Peer: raw kafkajs
 * produce → consume at the same rate on the same broker, in the same run.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { GraphqlClient } from '../../../../apps/embedded/src/client/graphql-client';
import {
  createChecklistFixture,
  TICK,
  UNTICK,
  type ChecklistFixture,
} from '../../../../apps/embedded/src/testing/launch-fixture';
import { DistributedStack } from '../../../../test/e2e/support/distributed-stack';
import { stopOnAbort } from '../cleanup';
import { startCpuMeter } from '../cpu';
import { summarizeLatencies } from '../latency-histogram';
import { measureKafkaPeer } from '../peers/kafka-round-trip';
import type { ScenarioResult } from '../verdict';
import type { RunSettings, Scenario } from './scenario';

const RATE = 500;
const CHECKLISTS = 4;
const ITEMS = 100;
/** After the schedule: how long events may still arrive before the missing ones count as errors. */
const DRAIN_MS = 30_000;
const ACTIVITY =
  'subscription A($launchId: ID!) { launchActivity(launchId: $launchId) { type streamId summary at } }';

interface Entry {
  readonly type: string;
  readonly streamId: string;
  readonly summary: string;
  readonly at: string;
}

/** One scheduled mutation: which event it must cause, and when it was due. */
interface Planned {
  readonly key: string;
  readonly body: string;
}

/** Tick/untick rounds over all items, interleaving checklists (the same item comes back 400 sends later). */
function plan(fixtures: readonly ChecklistFixture[]): Planned[] {
  const pairs = Array.from({ length: ITEMS }, (_, i) =>
    fixtures.map((f) => ({ f, item: f.items[i] })),
  ).flat();
  const one = (query: string, type: string) =>
    pairs.map(({ f, item }) => ({
      key: `${f.checklistId}|${type}|${item.id}`,
      body: JSON.stringify({ query, variables: { input: { itemId: item.id } } }),
    }));
  return [...one(TICK, 'ChecklistItemTicked'), ...one(UNTICK, 'ChecklistItemUnticked')];
}

/** The key of a history entry: its stream, type and item (named by title, or by id without one). */
function keyOf(entry: Entry, itemIdByTitle: ReadonlyMap<string, string>): string {
  const title = /'([^']+)'/.exec(entry.summary)?.[1];
  const itemId =
    (title === undefined ? undefined : itemIdByTitle.get(`${entry.streamId}|${title}`)) ??
    /item (\S+)/.exec(entry.summary)?.[1] ??
    '?';
  return `${entry.streamId}|${entry.type}|${itemId}`;
}

async function run(settings: RunSettings): Promise<ScenarioResult[]> {
  process.env.KAFKA_BROKERS ||= '127.0.0.1:19092';
  const stack = await DistributedStack.start({ LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000' });
  const unregister = stopOnAbort(() => stack.stop());
  let ws: Client | undefined;
  try {
    const admin = new GraphqlClient({ url: stack.graphqlUrl, token: stack.adminToken });
    const titles = Array.from({ length: ITEMS }, (_, i) => `Item ${i + 1}`);
    const fixtures = await Promise.all(
      Array.from({ length: CHECKLISTS }, () => createChecklistFixture(admin, titles)),
    );
    const itemIdByTitle = new Map(
      fixtures.flatMap((f) => f.items.map((item) => [`${f.checklistId}|${item.title}`, item.id] as const)),
    );
    const peer = await measureKafkaPeer('kafkajs', RATE, settings.durationSeconds, settings.warmupSeconds);
    const busPeer = await measureKafkaPeer(
      'kafka-bus',
      RATE,
      settings.durationSeconds,
      settings.warmupSeconds,
    );

    // Scheduled send times per event key, oldest first (an item's tick comes back a round later).
    const due = new Map<string, number[]>();
    const lags: number[] = [];
    const commitToReceive: number[] = [];
    let measuredFrom = Number.POSITIVE_INFINITY;
    let received = 0;
    ws = createClient({
      url: `${stack.graphqlUrl.replace(/^http/, 'ws')}`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${stack.adminToken}` },
      retryAttempts: 0,
    });
    const subscribed = fixtures.map(
      (f) =>
        new Promise<void>((resolve, reject) => {
          ws!.subscribe<{ launchActivity: Entry }>(
            { query: ACTIVITY, variables: { launchId: f.launchId } },
            {
              next: ({ data }) => {
                const entry = data?.launchActivity;
                if (!entry) return;
                const now = performance.now();
                const scheduled = due.get(keyOf(entry, itemIdByTitle))?.shift();
                if (scheduled === undefined) return; // the fixture's own events
                received++;
                if (scheduled < measuredFrom) return;
                lags.push(now - scheduled);
                commitToReceive.push(Date.now() - Date.parse(entry.at));
              },
              error: reject,
              complete: () => undefined,
            },
          );
          // graphql-ws has no "subscribed" acknowledgement: the server registers it within a moment.
          setTimeout(resolve, 500);
        }),
    );
    await Promise.all(subscribed);

    const planned = plan(fixtures);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${stack.adminToken}` };
    let errors = 0;
    const errorKinds = new Map<string, number>();
    const failed = (kind: string): void => {
      errors++;
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    };
    const total = Math.round((settings.warmupSeconds + settings.durationSeconds) * RATE);
    const interval = 1000 / RATE;
    const sends: Promise<void>[] = [];
    const { gateway, ...services } = Object.fromEntries(
      Object.entries(stack.apps).map(([name, app]) => [name, app.pid]),
    );
    let meter: ReturnType<typeof startCpuMeter> | undefined;
    const start = performance.now();
    measuredFrom = start + settings.warmupSeconds * 1000;
    for (let i = 0; i < total; i++) {
      const scheduled = start + i * interval;
      const wait = scheduled - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      if (!meter && scheduled >= measuredFrom) meter = startCpuMeter({ gateway, ...services });
      const { key, body } = planned[i % planned.length];
      const queue = due.get(key);
      if (queue) queue.push(scheduled);
      else due.set(key, [scheduled]);
      sends.push(
        fetch(stack.graphqlUrl, { method: 'POST', headers, body })
          .then(async (res) => {
            const answer = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
            if (answer.errors) failed(answer.errors[0]?.extensions?.code ?? 'GraphQL error');
            else if (!res.ok) failed(`HTTP ${res.status}`);
          })
          .catch((error: Error) => failed(error.name)),
      );
    }
    const scheduleEnd = performance.now();
    const expected = total;
    const drainDeadline = scheduleEnd + DRAIN_MS;
    while (received < expected && performance.now() < drainDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const cpu = meter?.stop() ?? [];
    await Promise.allSettled(sends);
    const lag = summarizeLatencies(lags);
    const commit = summarizeLatencies(commitToReceive);
    const missing = Math.round(settings.durationSeconds * RATE) - lags.length;
    return [
      {
        id: 'S2',
        title: `event → subscriber lag, distributed, open loop at ${RATE} events/s (${CHECKLISTS}×${ITEMS} items)`,
        goal: { maxP50Ms: 10, maxP99Ms: 40 },
        measured: {
          label: 'tickItem → launchActivity',
          perSecond: lags.length / settings.durationSeconds,
          p50Ms: lag.p50Ms,
          p99Ms: lag.p99Ms,
          requests: lags.length,
          errors: errors + missing,
        },
        peer,
        cpu,
        note:
          `lag from the scheduled send (coordinated omission corrected), HDR; max ${lag.maxMs} ms; ` +
          `${missing} events of the measured window not received ${DRAIN_MS / 1000} s after the schedule. ` +
          `Event recorded → received: p50 ${commit.p50Ms} ms, p99 ${commit.p99Ms} ms (ms clock). ` +
          `Through KafkaBus alone: ${Math.round(busPeer.perSecond)}/s, p50 ${busPeer.p50Ms} ms, p99 ${busPeer.p99Ms} ms. ` +
          'Sender (fetch, open loop) and subscriber run in the harness process.' +
          (errorKinds.size
            ? ` Failed mutations: ${[...errorKinds].map(([k, n]) => `${k} ×${n}`).join(', ')}.`
            : ''),
      },
    ];
  } finally {
    unregister();
    await ws?.dispose();
    await stack.stop();
  }
}

export const s2EventLag: Scenario = {
  id: 'S2',
  description:
    'event → subscriber lag, distributed, open loop at 500 events/s (peer: raw kafkajs round trip)',
  run,
};
