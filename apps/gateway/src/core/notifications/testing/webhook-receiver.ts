import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../domain/signature';

/** One request as the receiver got it. */
export interface ReceivedRequest {
  readonly deliveryId: string;
  readonly signature: string;
  readonly contentType: string;
  readonly body: string;
  /** Whether the signature verified with the webhook's secret. */
  readonly signed: boolean;
  readonly status: number | 'hung';
  /** Date.now() when the body had arrived. */
  readonly receivedAt: number;
}

/** What to answer to the n-th attempt (1-based) of a delivery id: a status, or never. */
export type Answer = (attempt: number, deliveryId: string) => number | 'hang';

/**
 * A real HTTP receiver on loopback for the notification tests and the bench: records every request,
 * checks each signature with the secret (set once the webhook is created), answers as told.
 */
export class WebhookReceiver {
  readonly received: ReceivedRequest[] = [];
  secret = '';
  private readonly attempts = new Map<string, number>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    public answer: Answer,
  ) {}

  static async start(answer: Answer = () => 200): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server, answer);
    server.on('request', (req, res) => void receiver.handle(req, res));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** Requests answered 2xx, by delivery id. */
  accepted(): Map<string, ReceivedRequest[]> {
    const byId = new Map<string, ReceivedRequest[]>();
    for (const request of this.received.filter((r) => typeof r.status === 'number' && r.status < 300))
      byId.set(request.deliveryId, [...(byId.get(request.deliveryId) ?? []), request]);
    return byId;
  }

  /** Resolves once `check` holds (checked after every request). */
  until(check: () => boolean): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = () => {
        if (!check()) return;
        this.waiters.delete(waiter);
        resolve();
      };
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close').catch(() => undefined);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const deliveryId = String(req.headers['x-tminus-delivery'] ?? '');
    const attempt = (this.attempts.get(deliveryId) ?? 0) + 1;
    this.attempts.set(deliveryId, attempt);
    const answer = this.answer(attempt, deliveryId);
    const signature = String(req.headers['x-tminus-signature-256'] ?? '');
    this.received.push({
      deliveryId,
      signature,
      contentType: String(req.headers['content-type'] ?? ''),
      body: body.toString('utf8'),
      signed: verifySignature(this.secret, body, signature),
      status: answer === 'hang' ? 'hung' : answer,
      receivedAt: Date.now(),
    });
    if (answer === 'hang') this.hanging.add(res);
    else res.writeHead(answer).end();
    for (const waiter of [...this.waiters]) waiter();
  }
}
