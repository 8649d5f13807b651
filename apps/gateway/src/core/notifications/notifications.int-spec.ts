import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from '../../../test/support/eventually';
import { seedWorld, type Seeded } from '../../../test/support/seed';
import { startTestGateway, type TestGateway } from '../../../test/support/test-gateway';
import { TEST_NOTIFICATIONS } from './testing/test-notifications';
import { WebhookReceiver } from './testing/webhook-receiver';

interface Delivery {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
}

const CREATE = 'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id secret } }';
const DELIVERIES =
  'query($id: ID!) { webhookDeliveries(webhookId: $id, first: 100) { id event status attempts lastStatusCode lastError } }';

describe('webhooks, embedded mode (SQLite, in-process bus), real HTTP receivers on loopback', () => {
  let t: TestGateway;
  let flaky: WebhookReceiver;
  let hanging: WebhookReceiver;

  beforeEach(async () => {
    t = await startTestGateway({ notifications: TEST_NOTIFICATIONS });
    // 500 twice, then 200, for every delivery id.
    flaky = await WebhookReceiver.start((attempt) => (attempt <= 2 ? 500 : 200));
    hanging = await WebhookReceiver.start(() => 'hang');
  });
  afterEach(async () => {
    await t.close();
    await flaky.close();
    await hanging.close();
  });

  async function createWebhook(receiver: WebhookReceiver, input: Record<string, unknown>): Promise<string> {
    const result = await t.graphql<{ createWebhook: { id: string; secret: string } }>(CREATE, {
      input: { url: receiver.url, ...input },
    });
    expect(result.errors).toBeUndefined();
    receiver.secret = result.data!.createWebhook.secret;
    return result.data!.createWebhook.id;
  }

  const deliveriesOf = async (webhookId: string): Promise<Delivery[]> =>
    (await t.graphql<{ webhookDeliveries: Delivery[] }>(DELIVERIES, { id: webhookId })).data!
      .webhookDeliveries;

  it('retries a 500 with the same delivery id and body until a 200, every request signed; a hanging receiver slows no command', async () => {
    const flakyId = await createWebhook(flaky, { events: ['INCIDENT_REPORTED', 'DECISION_RECORDED'] });
    const hangingId = await createWebhook(hanging, { events: ['INCIDENT_REPORTED'], format: 'SLACK' });
    const world: Seeded = await seedWorld(t);

    // The incident of the seeded world: three attempts, one delivery id, the same bytes every time.
    await flaky.until(() => flaky.accepted().size >= 1);
    const [[deliveryId, accepted]] = [...flaky.accepted()];
    expect(accepted).toHaveLength(1);
    const attempts = flaky.received.filter((r) => r.deliveryId === deliveryId);
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(attempts.map((r) => r.body)).size).toBe(1);
    expect(flaky.received.every((r) => r.signed)).toBe(true);
    const event = JSON.parse(attempts[0].body) as Record<string, unknown>;
    expect(attempts[0].contentType).toBe('application/cloudevents+json');
    expect(event).toMatchObject({
      specversion: '1.0',
      id: deliveryId,
      type: 'tminus.notification.incident_reported',
      subject: world.launchKey,
      data: { launchKey: world.launchKey, change: { severity: 'SEV3', title: 'Slow checkout' } },
    });
    await eventually(
      async () => (await deliveriesOf(flakyId)).find((d) => d.id === deliveryId)?.status === 'DELIVERED',
      'the delivery marked DELIVERED',
    );
    expect((await deliveriesOf(flakyId)).find((d) => d.id === deliveryId)).toMatchObject({
      event: 'INCIDENT_REPORTED',
      attempts: 3,
      lastStatusCode: 200,
      lastError: null,
    });

    // The hanging receiver got its Slack message and holds the connection; commands still complete.
    await hanging.until(() => hanging.received.length >= 1);
    expect(JSON.parse(hanging.received[0].body)).toMatchObject({
      text: expect.stringContaining('Slow checkout'),
    });
    expect(hanging.received[0].signed).toBe(true);
    const decided = await t.graphql(
      'mutation($input: RecordGoNoGoInput!) { recordGoNoGo(input: $input) { id } }',
      { input: { launchId: world.launchId, decision: 'GO' } },
    );
    expect(decided.errors).toBeUndefined();
    await eventually(
      async () => (await deliveriesOf(hangingId)).find((d) => d.attempts >= 1 && d.status === 'PENDING'),
      'the hanging delivery cut off by the timeout and kept for a retry',
    ).then((d) => expect(d.lastError).toMatch(/no answer within 300 ms/));
    await eventually(
      async () =>
        (await deliveriesOf(flakyId)).some(
          (d) => d.event === 'DECISION_RECORDED' && d.status === 'DELIVERED',
        ),
      'the decision delivered',
    );
    const metrics = await (await fetch(`${t.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/tminus_webhook_deliveries_total\{outcome="delivered"\} [1-9]/);
    expect(metrics).toMatch(/tminus_webhook_deliveries_total\{outcome="retry"\} [1-9]/);
  });

  it('tells READINESS_CHANGED once per change, filtered by launch; unsubscribed events are not sent', async () => {
    const world = await seedWorld(t);
    const other = await seedWorld(t, 'other-launch');
    const ok = await WebhookReceiver.start(() => 200);
    try {
      const id = await createWebhook(ok, { events: ['READINESS_CHANGED'], launchId: world.launchKey });
      const ticked = await t.graphql('mutation($input: TickItemInput!) { tickItem(input: $input) { id } }', {
        input: { itemId: world.itemId },
      });
      expect(ticked.errors).toBeUndefined();
      await t.graphql('mutation($input: TickItemInput!) { tickItem(input: $input) { id } }', {
        input: { itemId: other.itemId },
      });
      await ok.until(() => ok.received.length >= 1);
      await sleep(300);
      expect(ok.received).toHaveLength(1);
      const body = JSON.parse(ok.received[0].body) as {
        type: string;
        data: { launchKey: string; change: object };
      };
      expect(body.type).toBe('tminus.notification.readiness_changed');
      expect(body.data.launchKey).toBe(world.launchKey);
      expect(body.data.change).toMatchObject({ blockersRemoved: [expect.stringContaining(world.itemId)] });
      expect(await deliveriesOf(id)).toEqual([expect.objectContaining({ status: 'DELIVERED', attempts: 1 })]);
    } finally {
      await ok.close();
    }
  });

  it('refuses private targets unless allowed, lists webhooks without their secret, deletes them', async () => {
    const strict = await startTestGateway({ notifications: { ...TEST_NOTIFICATIONS, allowPrivate: false } });
    try {
      const refused = await strict.graphql(CREATE, { input: { url: flaky.url, events: ['ITEM_OVERDUE'] } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    } finally {
      await strict.close();
    }
    const id = await createWebhook(flaky, { events: ['ITEM_OVERDUE'], secret: 'a-secret-of-enough-length' });
    expect(flaky.secret).toBe('a-secret-of-enough-length');
    const listed = await t.graphql<{ webhooks: Record<string, unknown>[] }>(
      '{ webhooks { id url events format launchId createdBy } }',
    );
    expect(listed.data!.webhooks).toEqual([
      {
        id,
        url: flaky.url,
        events: ['ITEM_OVERDUE'],
        format: 'CLOUDEVENTS',
        launchId: null,
        createdBy: expect.any(String),
      },
    ]);
    const audit = await t.graphql<{ auditLog: { edges: { node: { type: string } }[] } }>(
      '{ auditLog(first: 5) { edges { node { type } } } }',
    );
    expect(audit.data?.auditLog.edges.map((e) => e.node.type)).toContain('WebhookCreated');
    const deleted = await t.graphql(
      'mutation($input: DeleteWebhookInput!) { deleteWebhook(input: $input) }',
      {
        input: { id },
      },
    );
    expect(deleted.data).toEqual({ deleteWebhook: true });
    const missing = await t.graphql(DELIVERIES, { id });
    expect(missing.errors?.[0]?.extensions?.code).toBe('WEBHOOK.NOT_FOUND');
  });
});
