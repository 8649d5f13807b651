/**
 * `npm run bench -- webhooks`: webhook delivery latency under a tick load, and what notifications cost
 * the commands. Embedded gateway (SQLite read model, in-process fake bus and services); every tick or
 * untick changes the launch's blockers, so each one queues a READINESS_CHANGED delivery per webhook.
 * Three runs of the same load: no webhook; one webhook answering 200 at once; the same plus one
 * receiver that never answers (cut off by the timeout, retried): the commands' latency must not move.
 * Delivery latency: from the outbox row's creation (in the projection's transaction) to the receiver
 * having the whole request.
 */
import { seedWorld } from '../../apps/gateway/test/support/seed';
import { startTestGateway, type TestGateway } from '../../apps/gateway/test/support/test-gateway';
import { DEFAULT_NOTIFICATIONS } from '../../apps/gateway/src/core/notifications/notifications-config';
import { WebhookReceiver } from '../../apps/gateway/src/core/notifications/testing/webhook-receiver';
import { latencyTable, measureLatency, summarise, type LatencyResult } from './latency';

const TICKS = Number(process.env.BENCH_WEBHOOK_TICKS ?? 300);
const CONCURRENCY = 4;

const CREATE = 'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id secret } }';
const TICK = 'mutation($input: TickItemInput!) { tickItem(input: $input) { id } }';
const UNTICK = 'mutation($input: ItemRefInput!) { untickItem(input: $input) { id } }';

async function webhook(t: TestGateway, receiver: WebhookReceiver): Promise<void> {
  const created = await t.graphql<{ createWebhook: { secret: string } }>(CREATE, {
    input: { url: receiver.url, events: ['READINESS_CHANGED'] },
  });
  if (!created.data) throw new Error(JSON.stringify(created.errors));
  receiver.secret = created.data.createWebhook.secret;
}

/** `CONCURRENCY` launches, each worker ticking and unticking its own item in turn. */
async function tickLoad(t: TestGateway, label: string): Promise<LatencyResult> {
  const items = await Promise.all(
    Array.from(
      { length: CONCURRENCY },
      async (_, i) => (await seedWorld(t, `bench-${label.length}-${i}-${Date.now()}`)).itemId,
    ),
  );
  const ticked = new Map<string, boolean>();
  let turn = 0;
  return measureLatency(label, TICKS, CONCURRENCY, async () => {
    const itemId = items[turn++ % items.length];
    const done = ticked.get(itemId) ?? false;
    ticked.set(itemId, !done);
    const result = await t.graphql(done ? UNTICK : TICK, { input: { itemId } });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  });
}

async function deliveryLatency(
  t: TestGateway,
  receiver: WebhookReceiver,
  expected: number,
): Promise<LatencyResult> {
  await receiver.until(() => receiver.accepted().size >= expected);
  const rows = await t.gateway.services.db.read((sql) =>
    sql.query<{ id: string; created_at: string }>('SELECT id, created_at FROM webhook_deliveries'),
  );
  const created = new Map(rows.map((row) => [row.id, Date.parse(row.created_at)]));
  const latencies = [...receiver.accepted()].flatMap(([id, [request]]) =>
    created.has(id) ? [request.receivedAt - created.get(id)!] : [],
  );
  return summarise('webhook delivery (queued → received)', latencies, 0);
}

async function run(mode: 'none' | 'ok' | 'ok+hanging'): Promise<LatencyResult[]> {
  const t = await startTestGateway({
    notifications: { ...DEFAULT_NOTIFICATIONS, allowPrivate: true, timeoutMs: 2_000 },
  });
  const ok = await WebhookReceiver.start(() => 200);
  const hanging = await WebhookReceiver.start(() => 'hang');
  try {
    if (mode !== 'none') await webhook(t, ok);
    if (mode === 'ok+hanging') await webhook(t, hanging);
    const ticks = await tickLoad(t, `tickItem/untickItem, webhooks: ${mode}`);
    if (mode === 'none') return [ticks];
    return [ticks, await deliveryLatency(t, ok, TICKS)];
  } finally {
    await t.close();
    await ok.close();
    await hanging.close();
  }
}

export async function runWebhooksBenchmark(): Promise<void> {
  const [baseline] = await run('none');
  const [okTicks, okDelivery] = await run('ok');
  const [hangingTicks, hangingDelivery] = await run('ok+hanging');
  console.log(
    `\nWebhooks, embedded gateway (SQLite, in-process fake bus); ${TICKS} tick/untick mutations at concurrency ` +
      `${CONCURRENCY}, each queuing one READINESS_CHANGED delivery per webhook.\n`,
  );
  console.log(latencyTable([baseline, okTicks, hangingTicks], baseline, 'commands'));
  const rows = [okDelivery, hangingDelivery].map(
    (row, i) =>
      `${i === 0 ? 'one receiver (200)          ' : 'plus a hanging receiver     '}  deliveries ${row.requests}  p50 ${row.p50Ms.toFixed(1)} ms  p99 ${row.p99Ms.toFixed(1)} ms`,
  );
  console.log(
    `\nWebhook delivery latency (outbox row created → receiver has the request):\n${rows.join('\n')}`,
  );
}
