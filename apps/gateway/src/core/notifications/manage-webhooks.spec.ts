import { ErrorCodes } from '@tminus/contracts';
import { principal } from '../gates/testing/gate-fixtures';
import { launchView } from '../read-model/domain/testing/views';
import type { Webhook } from './store/webhooks';
import { ManageWebhooks, MAX_WEBHOOKS } from './manage-webhooks';

const LAUNCH = launchView({ id: 'launch-1', key: 'checkout-v2' });

/** In-memory stand-ins: the use case's rules, not SQL, are under test here. */
function setUp(allowPrivate = false) {
  const stored = new Map<string, Webhook>();
  const webhooks = {
    add: async (webhook: Webhook) => (stored.set(webhook.id, webhook), webhook),
    find: async (id: string) => stored.get(id) ?? null,
    remove: async (id: string) => stored.delete(id),
    list: async () => [...stored.values()],
    count: async () => stored.size,
  };
  const deliveries = { ofWebhook: async () => [] };
  const queries = {
    launch: async (ref: string) => (ref === LAUNCH.id || ref === LAUNCH.key ? LAUNCH : null),
  };
  const manage = new ManageWebhooks(
    webhooks,
    deliveries,
    queries,
    allowPrivate,
    () => new Date('2026-03-01T00:00:00.000Z'),
  );
  return { manage, stored };
}

const manager = principal('LAUNCH_MANAGER', 'max');

describe('ManageWebhooks', () => {
  it('creates a webhook with a generated secret, CLOUDEVENTS by default, the launch resolved by key', async () => {
    const { manage } = setUp();
    const created = await manage.create(manager, {
      url: 'https://hooks.example.com/tminus',
      events: ['READINESS_CHANGED', 'READINESS_CHANGED', 'ITEM_OVERDUE'],
      launchId: 'checkout-v2',
    });
    expect(created).toMatchObject({
      url: 'https://hooks.example.com/tminus',
      events: ['READINESS_CHANGED', 'ITEM_OVERDUE'],
      launchId: 'launch-1',
      format: 'CLOUDEVENTS',
      createdBy: 'max',
      createdAt: '2026-03-01T00:00:00.000Z',
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
  });

  it.each([
    [{ url: 'ftp://example.com', events: ['ITEM_OVERDUE'] }, 'input.url'],
    [{ url: 'http://10.0.0.5/hook', events: ['ITEM_OVERDUE'] }, 'input.url'],
    [{ url: 'https://example.com', events: [] }, 'input.events'],
    [{ url: 'https://example.com', events: ['NOPE'] }, 'input.events.0'],
    [{ url: 'https://example.com', events: ['ITEM_OVERDUE'], secret: 'short' }, 'input.secret'],
    [{ url: `https://example.com/${'x'.repeat(2001)}`, events: ['ITEM_OVERDUE'] }, 'input.url'],
  ])('refuses %p naming %s', async (input, field) => {
    const { manage, stored } = setUp();
    await expect(manage.create(manager, input)).rejects.toMatchObject({
      code: ErrorCodes.BAD_USER_INPUT,
      details: expect.objectContaining({ field }),
    });
    expect(stored.size).toBe(0);
  });

  it('refuses an unknown launch, and more than the maximum number of webhooks', async () => {
    const { manage } = setUp();
    await expect(
      manage.create(manager, { url: 'https://example.com', events: ['ITEM_OVERDUE'], launchId: 'nope' }),
    ).rejects.toMatchObject({ code: ErrorCodes.LAUNCH_NOT_FOUND });
    for (let i = 0; i < MAX_WEBHOOKS; i++)
      await manage.create(manager, { url: `https://example.com/${i}`, events: ['ITEM_OVERDUE'] });
    await expect(
      manage.create(manager, { url: 'https://example.com', events: ['ITEM_OVERDUE'] }),
    ).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT });
  });

  it('allows private targets when configured to', async () => {
    const { manage } = setUp(true);
    await expect(
      manage.create(manager, { url: 'http://127.0.0.1:9000/hook', events: ['ITEM_OVERDUE'] }),
    ).resolves.toMatchObject({ url: 'http://127.0.0.1:9000/hook' });
  });

  it('deletes (null when unknown) and pages deliveries within bounds', async () => {
    const { manage } = setUp();
    const created = await manage.create(manager, { url: 'https://example.com', events: ['ITEM_OVERDUE'] });
    await expect(manage.deliveriesOf(created.id, 0)).rejects.toMatchObject({
      code: ErrorCodes.BAD_USER_INPUT,
    });
    await expect(manage.deliveriesOf(created.id, 101)).rejects.toMatchObject({
      code: ErrorCodes.BAD_USER_INPUT,
    });
    await expect(manage.deliveriesOf(created.id, null)).resolves.toEqual([]);
    await expect(manage.delete({ id: created.id })).resolves.toMatchObject({ id: created.id });
    await expect(manage.delete({ id: created.id })).resolves.toBeNull();
    await expect(manage.deliveriesOf(created.id, 10)).rejects.toMatchObject({
      code: ErrorCodes.WEBHOOK_NOT_FOUND,
    });
  });
});
