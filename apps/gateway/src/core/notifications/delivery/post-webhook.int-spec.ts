import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookReceiver } from '../testing/webhook-receiver';
import { guardedLookup, postWebhook, type WebhookRequest } from './post-webhook';

const request = (url: string): WebhookRequest => ({
  url,
  deliveryId: 'delivery-1',
  secret: 'secret-secret-secret',
  contentType: 'application/json',
  body: '{"hello":"world"}',
});

describe('postWebhook against real sockets on loopback', () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await WebhookReceiver.start(() => 204);
    receiver.secret = 'secret-secret-secret';
  });
  afterEach(() => receiver.close());

  it('resolves a host name through the guarded lookup, and signs the request', async () => {
    const url = receiver.url.replace('127.0.0.1', 'localhost');
    expect(await postWebhook(request(url), { timeoutMs: 2_000, allowPrivate: true })).toEqual({
      kind: 'answered',
      statusCode: 204,
    });
    expect(receiver.received).toEqual([
      expect.objectContaining({ deliveryId: 'delivery-1', signed: true, body: '{"hello":"world"}' }),
    ]);
  });

  it('refuses loopback targets unless allowed, without sending anything', async () => {
    for (const url of [receiver.url, receiver.url.replace('127.0.0.1', 'localhost')]) {
      expect(await postWebhook(request(url), { timeoutMs: 2_000, allowPrivate: false })).toMatchObject({
        kind: 'error',
        refused: true,
      });
    }
    expect(receiver.received).toEqual([]);
  });

  it('refuses, in the lookup itself, a name that resolves to a private address', async () => {
    const lookup = guardedLookup(false);
    const [error] = await new Promise<unknown[]>((resolve) =>
      lookup('localhost', { all: true }, (...args: unknown[]) => resolve(args)),
    );
    expect(error).toMatchObject({ code: 'WEBHOOK_ADDRESS_REFUSED' });
  });

  it('does not follow redirects and cuts off a receiver that does not answer', async () => {
    const target = await WebhookReceiver.start(() => 200);
    const redirecting: Server = createServer((_req, res) =>
      res.writeHead(307, { location: target.url }).end(),
    ).listen(0, '127.0.0.1');
    await once(redirecting, 'listening');
    try {
      const port = (redirecting.address() as AddressInfo).port;
      expect(
        await postWebhook(request(`http://127.0.0.1:${port}/`), { timeoutMs: 2_000, allowPrivate: true }),
      ).toEqual({ kind: 'answered', statusCode: 307 });
      expect(target.received).toEqual([]);
      receiver.answer = () => 'hang';
      expect(await postWebhook(request(receiver.url), { timeoutMs: 200, allowPrivate: true })).toEqual({
        kind: 'error',
        error: 'no answer within 200 ms',
        refused: false,
      });
    } finally {
      redirecting.close();
      await target.close();
    }
  });
});
