import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureOf } from '../../src/doors/github/webhook/signature';

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | null;
  readonly body: unknown;
}

/**
 * GitHub's stand-in for tests: a local HTTP server that records every call. Review calls answer 204
 * unless a status was queued (`failNext(502)`); installation tokens answer 201 with a token naming
 * the installation.
 */
export class FakeGithub {
  readonly calls: RecordedCall[] = [];
  private readonly queued: number[] = [];
  private server: Server | null = null;
  private baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void readBody(request).then((text) => {
        const body = text ? (JSON.parse(text) as unknown) : null;
        this.calls.push({
          method: request.method ?? '',
          path: request.url ?? '',
          authorization: request.headers.authorization ?? null,
          body,
        });
        const token = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(request.url ?? '');
        if (token) {
          response.writeHead(201, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify({
              token: `ghs_installation_${token[1]}`,
              expires_at: new Date(Date.now() + 3_600_000).toISOString(),
            }),
          );
          return;
        }
        const status = this.queued.shift() ?? 204;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(status === 204 ? undefined : JSON.stringify({ message: `status ${status}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get url(): string {
    return this.baseUrl;
  }

  callbackUrl(repository = 'acme/checkout', runId = 42): string {
    return `${this.baseUrl}/repos/${repository}/actions/runs/${runId}/deployment_protection_rule`;
  }

  /** The review calls (progress comments and verdicts), in order. */
  reviews(): RecordedCall[] {
    return this.calls.filter((call) => call.path.endsWith('/deployment_protection_rule'));
  }

  failNext(...statuses: number[]): void {
    this.queued.push(...statuses);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

/** A `deployment_protection_rule` webhook as GitHub sends it (the fields tminus reads, and a few more). */
export function protectionRulePayload(options: {
  callbackUrl: string;
  repository?: string;
  environment?: string;
  installationId?: number;
  action?: string;
}): Record<string, unknown> {
  return {
    action: options.action ?? 'requested',
    environment: options.environment ?? 'production',
    event: 'push',
    sha: '4f2d7b0c',
    ref: 'refs/heads/main',
    deployment_callback_url: options.callbackUrl,
    deployment: { id: 7, sha: '4f2d7b0c', ref: 'main', environment: options.environment ?? 'production' },
    repository: { id: 1, full_name: options.repository ?? 'acme/checkout', private: true },
    installation: { id: options.installationId ?? 99 },
    sender: { login: 'octocat' },
  };
}

/** Sends a webhook the way GitHub does: JSON body, event and delivery headers, HMAC signature. */
export async function sendWebhook(
  gatewayUrl: string,
  options: { secret: string; event?: string; payload: unknown; signature?: string },
): Promise<{ status: number; body: unknown }> {
  const text = JSON.stringify(options.payload);
  const response = await fetch(`${gatewayUrl}/v1/github/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': options.event ?? 'deployment_protection_rule',
      'x-github-delivery': `delivery-${Math.random().toString(16).slice(2)}`,
      'x-hub-signature-256': options.signature ?? signatureOf(options.secret, text),
    },
    body: text,
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
}
