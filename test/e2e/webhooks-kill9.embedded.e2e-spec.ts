import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedProcess } from '../../apps/embedded/src/client/embedded-process';
import { GraphqlClient } from '../../apps/embedded/src/client/graphql-client';
import { createChecklistFixture } from '../../apps/embedded/src/testing/launch-fixture';
import { WebhookReceiver } from '../../apps/gateway/src/core/notifications/testing/webhook-receiver';
import { eventually } from './support/eventually';

interface Delivery {
  readonly id: string;
  readonly event: string;
  readonly status: string;
}

/**
 * `npm start` (embedded: SQLite, in-process bus) is killed with SIGKILL right after a mutation was
 * acknowledged, while its webhook deliveries are queued or in flight to a receiver that does not
 * answer. Started again on the same data directory, it sends every one of them: the outbox row was
 * committed with the projection, before the mutation returned.
 */
describe('webhooks: kill -9 between commit and delivery loses nothing (embedded)', () => {
  let dataDir: string;
  let receiver: WebhookReceiver;
  const processes: EmbeddedProcess[] = [];
  const env = { LOG_LEVEL: 'warn', TMINUS_WEBHOOK_ALLOW_PRIVATE: '1', TMINUS_WEBHOOK_TIMEOUT_MS: '1000' };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tminus-webhooks-kill9-'));
    receiver = await WebhookReceiver.start(() => 'hang');
  });
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.kill('SIGKILL')));
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const running = await EmbeddedProcess.start({ dataDir, env });
    processes.push(running);
    return {
      running,
      client: new GraphqlClient({ url: running.graphqlUrl, token: await running.adminToken() }),
    };
  };

  it('delivers, after the restart, what was committed before the kill', async () => {
    const before = await start();
    const { createWebhook } = await before.client.request<{ createWebhook: { id: string; secret: string } }>(
      'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id secret } }',
      { input: { url: receiver.url, events: ['READINESS_CHANGED', 'DECISION_RECORDED'] } },
    );
    receiver.secret = createWebhook.secret;
    const fixture = await createChecklistFixture(before.client, ['first', 'second']);
    await before.client.request(
      'mutation($input: RecordGoNoGoInput!) { recordGoNoGo(input: $input) { id } }',
      {
        input: { launchId: fixture.launchId, decision: 'NO_GO' },
      },
    );
    // Acknowledged: the decision's delivery is committed. Kill before the receiver can accept anything.
    expect(await before.running.kill('SIGKILL')).toBeNull();
    expect(receiver.accepted().size).toBe(0);

    receiver.answer = () => 200;
    const after = await start();
    const deliveries = async () =>
      (
        await after.client.request<{ webhookDeliveries: Delivery[] }>(
          'query($id: ID!) { webhookDeliveries(webhookId: $id, first: 100) { id event status } }',
          { id: createWebhook.id },
        )
      ).webhookDeliveries;
    const all = await eventually(
      deliveries,
      (listed) => listed.length > 0 && listed.every((d) => d.status === 'DELIVERED'),
      { timeoutMs: 60_000, what: 'every delivery DELIVERED after the restart' },
    );
    expect(all.map((d) => d.event)).toContain('DECISION_RECORDED');
    // Each one accepted exactly once, with its own id, every request signed.
    const accepted = receiver.accepted();
    expect([...accepted.keys()].sort()).toEqual(all.map((d) => d.id).sort());
    expect([...accepted.values()].every((requests) => requests.length === 1)).toBe(true);
    expect(receiver.received.every((r) => r.signed)).toBe(true);
  });
});
