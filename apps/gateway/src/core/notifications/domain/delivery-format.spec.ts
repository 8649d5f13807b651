import { backoffDelayMs, DEFAULT_BACKOFF, nextAttemptAt } from './backoff';
import { cloudEventTypeOf, formatDelivery, slackEscape } from './format-delivery';
import type { Notification } from './notification';
import { signBody, verifySignature } from './signature';

const notification: Notification = {
  event: 'READINESS_CHANGED',
  launchId: 'launch-1',
  launchKey: 'checkout-v2',
  launchName: 'Checkout <v2> & co',
  occurredAt: '2026-03-01T10:00:00.000Z',
  summary: 'checkout-v2 is not ready <!channel>',
  readiness: { ready: false, percent: 50, blockerCount: 1, blockers: ['QA: "Regression" is open'] },
  change: { readyBefore: true, ready: false },
};

describe('CloudEvents format', () => {
  it('is a structured CloudEvent whose id is the delivery id and type tminus.notification.<event>', () => {
    const formatted = formatDelivery('CLOUDEVENTS', 'delivery-1', notification);
    expect(formatted.contentType).toBe('application/cloudevents+json');
    expect(JSON.parse(formatted.body)).toEqual({
      specversion: '1.0',
      id: 'delivery-1',
      source: '/tminus/launches/launch-1',
      type: 'tminus.notification.readiness_changed',
      subject: 'checkout-v2',
      time: '2026-03-01T10:00:00.000Z',
      datacontenttype: 'application/json',
      data: expect.objectContaining({
        launchKey: 'checkout-v2',
        readiness: notification.readiness,
        change: notification.change,
      }),
    });
    expect(cloudEventTypeOf('ITEM_OVERDUE')).toBe('tminus.notification.item_overdue');
  });
});

describe('Slack format', () => {
  it('has text and blocks, with Slack markup in user text escaped', () => {
    const formatted = formatDelivery('SLACK', 'delivery-1', notification);
    expect(formatted.contentType).toBe('application/json');
    const message = JSON.parse(formatted.body) as { text: string; blocks: { type: string }[] };
    expect(message.text).toBe('checkout-v2 is not ready &lt;!channel&gt;');
    expect(message.blocks.map((block) => block.type)).toEqual(['section', 'section', 'context']);
    expect(formatted.body).not.toContain('<!channel>');
    expect(formatted.body).toContain('Checkout &lt;v2&gt; &amp; co');
    expect(slackEscape('a&b<c>')).toBe('a&amp;b&lt;c&gt;');
  });
});

describe('signature', () => {
  it('is sha256=<hex HMAC-SHA256 of the raw body> and verifies only with the same secret and bytes', () => {
    // printf '%s' '{"a":1}' | openssl dgst -sha256 -hmac secret
    expect(signBody('secret', '{"a":1}')).toBe(
      'sha256=aa9e2e3575f5d7098b6caccd790888c36d5fdb63342a73bada2d6a51747a8494',
    );
    const header = signBody('secret', '{"a":1}');
    expect(verifySignature('secret', Buffer.from('{"a":1}'), header)).toBe(true);
    expect(verifySignature('other', '{"a":1}', header)).toBe(false);
    expect(verifySignature('secret', '{"a": 1}', header)).toBe(false);
    expect(verifySignature('secret', '{"a":1}', undefined)).toBe(false);
    expect(verifySignature('secret', '{"a":1}', 'sha256=00')).toBe(false);
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, jittered below it, never under a second', () => {
    expect(backoffDelayMs(DEFAULT_BACKOFF, 1, 0.5)).toBe(5_000);
    expect(backoffDelayMs(DEFAULT_BACKOFF, 2, 0.5)).toBe(10_000);
    expect(backoffDelayMs(DEFAULT_BACKOFF, 5, 0.999)).toBeLessThan(160_000);
    expect(backoffDelayMs(DEFAULT_BACKOFF, 40, 0.5)).toBe(DEFAULT_BACKOFF.maxMs / 2);
    expect(backoffDelayMs(DEFAULT_BACKOFF, 3, 0)).toBe(1_000);
  });

  it('retries for at least 24 h, the last attempt at the deadline, then gives up', () => {
    const created = new Date('2026-03-01T00:00:00.000Z');
    let now = created;
    let attempts = 0;
    for (;;) {
      const next = nextAttemptAt(DEFAULT_BACKOFF, created, ++attempts, now, 0.999);
      if (next === null) break;
      expect(next.getTime()).toBeGreaterThan(now.getTime());
      now = next;
    }
    expect(now.getTime() - created.getTime()).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
    expect(attempts).toBeLessThan(60);
  });
});
