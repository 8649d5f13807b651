import { checklistIdFor, newId } from '@tminus/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { event } from '../../../test/support/fake-services';
import { adminTokenOf, graphqlOn, startKafkaStack, type KafkaStack } from '../../../test/support/kafka-stack';
import { TEST_NOTIFICATIONS } from './testing/test-notifications';
import { WebhookReceiver } from './testing/webhook-receiver';

const HOUR = 3600 * 1000;

/**
 * Distributed mode: two gateway instances on one PostgreSQL database, both projecting every event from
 * Kafka. Each notification is queued once (by the instance whose transaction applied the event) and
 * sent once; the due-date scheduler fires once per (item, due date) across instances and restarts.
 */
describe('webhooks, distributed mode (Kafka, PostgreSQL, two gateway instances)', () => {
  let stack: KafkaStack;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    stack = await startKafkaStack('notify-it');
    receiver = await WebhookReceiver.start(() => 200);
  });
  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  });

  it('delivers each notification once, and each due date once, across instances and a restart', async () => {
    const config = { ...TEST_NOTIFICATIONS, schedulerIntervalMs: 200 };
    const first = await stack.start('notify-1', { notifications: config });
    const second = await stack.start('notify-2', { notifications: config });
    const gql = graphqlOn(first, adminTokenOf(stack));
    const created = await gql<{ createWebhook: { id: string; secret: string } }>(
      'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id secret } }',
      { input: { url: receiver.url, events: ['INCIDENT_REPORTED', 'ITEM_DUE_SOON', 'ITEM_OVERDUE'] } },
    );
    expect(created.errors).toBeUndefined();
    receiver.secret = created.data!.createWebhook.secret;

    const launchId = newId();
    const teamId = newId();
    const checklistId = checklistIdFor(launchId, teamId);
    const targetDate = new Date(Date.now() + 10 * 24 * HOUR).toISOString();
    const item = (itemId: string, title: string, dueDate: string) => ({
      itemId,
      title,
      description: null,
      required: true,
      dueDate,
      dueDaysBeforeLaunch: null,
    });
    const overdue = newId();
    const dueSoon = newId();
    const later = newId();
    await stack.services.emit('teams', [
      event(teamId, 'TeamCreated', { teamId, key: `qa-${teamId.slice(0, 8)}`, name: 'QA', function: 'QA' }),
    ]);
    await stack.services.emit('launches', [
      event(launchId, 'LaunchCreated', {
        launchId,
        key: `notify-${launchId.slice(0, 8)}`,
        name: 'Notify',
        targetDate,
        description: null,
        ownerUserId: 'lm',
      }),
      event(launchId, 'TeamRequired', { launchId, teamId, targetDate }),
    ]);
    await stack.services.emit('checklists', [
      event(checklistId, 'ChecklistOpened', {
        checklistId,
        launchId,
        teamId,
        teamFunction: 'QA',
        templateId: null,
        templateVersion: null,
        targetDate,
        items: [
          item(overdue, 'Overdue item', new Date(Date.now() - HOUR).toISOString()),
          item(dueSoon, 'Due soon item', new Date(Date.now() + 2 * HOUR).toISOString()),
          item(later, 'Later item', new Date(Date.now() + 5 * 24 * HOUR).toISOString()),
        ],
      }),
    ]);
    await stack.services.emit('launches', [
      event(launchId, 'IncidentReported', {
        launchId,
        incidentId: newId(),
        severity: 'SEV2',
        title: 'Down',
        by: 'lm',
        at: new Date().toISOString(),
      }),
    ]);

    const types = () => receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type).sort();
    await receiver.until(() => receiver.received.length >= 3);
    // A restarted instance finds the firings recorded and sends nothing again.
    await second.close();
    const third = await stack.start('notify-3', { notifications: config });
    await sleep(1_500);
    expect(types()).toEqual([
      'tminus.notification.incident_reported',
      'tminus.notification.item_due_soon',
      'tminus.notification.item_overdue',
    ]);
    expect(new Set(receiver.received.map((r) => r.deliveryId)).size).toBe(3);
    expect(receiver.received.every((r) => r.signed)).toBe(true);
    const items = receiver.received.map(
      (r) => (JSON.parse(r.body) as { data: { change: { itemId?: string } } }).data.change.itemId,
    );
    expect(items).toEqual(expect.arrayContaining([overdue, dueSoon]));
    expect(items).not.toContain(later);
    await third.close();
  });
});
