import type { IncomingMessage, Server } from 'node:http';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import type { Principal } from '../../core/auth/principal';
import { evaluation, principal } from '../../core/gates/testing/gate-fixtures';
import type { GateEvaluation } from '../../core/read-model/domain';
import { serveAheadOfNest, type FastRoute, type Middleware } from '../http/ahead-of-nest';
import { HttpDrain } from '../http/http-drain';
import { GateFastRoute, gateRequestOf } from './gate-fast-route';
import { GatesModule } from './gates.module';

const TOKENS: Record<string, Principal> = {
  tm_pipeline: principal('PIPELINE', 'deploy-bot'),
  tm_manager: principal('LAUNCH_MANAGER', 'max'),
};

const asRequest = (method: string, url: string, headers: Record<string, string> = {}) =>
  ({ method, url, headers }) as unknown as IncomingMessage;

describe('gateRequestOf: which requests the gate serves ahead of Nest', () => {
  it.each([
    ['/v1/gates/checkout-v2?environment=production', 'checkout-v2', 'production'],
    ['/v1/gates/checkout-v2', 'checkout-v2', undefined],
    ['/v1/gates/checkout%20v2%2Fx?environment=prod+%26+eu', 'checkout v2/x', 'prod & eu'],
    ['/v1/gates/x?environment=a&environment=b', 'x', ['a', 'b']],
    ['/v1/gates/x?', 'x', undefined],
  ])('takes GET %s as Nest would see it', (url, launch, environment) => {
    expect(gateRequestOf(asRequest('GET', url))).toEqual({ launch, environment });
  });

  it.each([
    ['HEAD', '/v1/gates/x?environment=p', {}],
    ['POST', '/v1/gates/x?environment=p', {}],
    ['GET', '/v1/gates/x/?environment=p', {}],
    ['GET', '/V1/GATES/x?environment=p', {}],
    ['GET', '/v1/gates/?environment=p', {}],
    ['GET', '/v1/gates/x/y?environment=p', {}],
    ['GET', '/v1/gates/x#top', {}],
    ['GET', '/v1/gates/%E0%A4%A?environment=p', {}],
    ['GET', '/v1/gatesx?environment=p', {}],
    ['GET', '/v1/gates/x?environment=p', { 'content-length': '2' }],
    ['GET', '/v1/gates/x?environment=p', { 'transfer-encoding': 'chunked' }],
  ])('leaves %s %s %p to Express', (method, url, headers) => {
    expect(gateRequestOf(asRequest(method, url, headers))).toBeNull();
  });
});

/** What a client reads. Not the ETag: Express's res.json hashes error bodies for one, the fast route does not. */
interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly contentType: string | null;
  readonly cacheControl: string | null;
}

async function answerOf(base: string, path: string, token: string | null, method = 'GET'): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? null : (JSON.parse(text) as unknown),
    contentType: response.headers.get('content-type'),
    cacheControl: response.headers.get('cache-control'),
  };
}

/** Two apps on the same fakes: Nest's route alone, and the fast route in front of it. */
describe('the gate ahead of Nest answers as Nest does', () => {
  const apps: INestApplication[] = [];
  let nest: string;
  let fast: string;
  let answer: GateEvaluation | null;
  let failure: Error | null;
  const audited: string[] = [];
  const taken: string[] = [];

  const start = async (ahead: boolean): Promise<string> => {
    const app = await NestFactory.create(
      GatesModule.register({
        authenticator: {
          authenticate: async (header) => TOKENS[/^Bearer (\S+)$/.exec(header ?? '')?.[1] ?? ''] ?? null,
        },
        evaluator: {
          evaluate: async (launch) => {
            if (failure) throw failure;
            return launch === 'checkout v2' ? answer : null;
          },
        },
        audit: {
          record: async (evaluated, actor) => {
            audited.push(`${actor.userId}:${evaluated.decision}`);
            return 'audit-1';
          },
        },
        logger: pino({ level: 'silent' }),
      }),
      { logger: false },
    );
    await app.init();
    if (ahead) {
      const route = app.get(GateFastRoute, { strict: false });
      const counting: FastRoute = {
        pattern: route.pattern,
        fail: (response, error) => route.fail(response, error),
        match: (request) => {
          const handler = route.match(request);
          if (handler) taken.push(`${request.method} ${request.url}`);
          return handler;
        },
      };
      serveAheadOfNest(app.getHttpServer() as Server, [counting], []);
    }
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    return app.getUrl();
  };

  beforeAll(async () => {
    nest = await start(false);
    fast = await start(true);
  });
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  beforeEach(() => {
    answer = evaluation();
    failure = null;
    audited.length = 0;
    taken.length = 0;
  });

  it.each([
    ['a DENIED pipeline check', '/v1/gates/checkout%20v2?environment=production', 'tm_pipeline'],
    ['a manager check', '/v1/gates/checkout%20v2?environment=production', 'tm_manager'],
    ['no token', '/v1/gates/checkout%20v2?environment=production', null],
    ['an unknown token', '/v1/gates/checkout%20v2?environment=production', 'tm_nope'],
    ['no environment', '/v1/gates/checkout%20v2', 'tm_pipeline'],
    ['two environments', '/v1/gates/checkout%20v2?environment=a&environment=b', 'tm_pipeline'],
    ['a bad environment', '/v1/gates/checkout%20v2?environment=a%20b', 'tm_pipeline'],
    ['an unknown launch', '/v1/gates/nope?environment=production', 'tm_pipeline'],
    ['a blank launch', '/v1/gates/%20?environment=production', 'tm_pipeline'],
  ])('%s: the same status, headers and body, and the same audits', async (_what, path, token) => {
    const viaNest = await answerOf(nest, path, token);
    const nestAudits = [...audited];
    audited.length = 0;
    const viaFast = await answerOf(fast, path, token);
    expect(taken).toEqual([`GET ${path}`]);
    expect(viaFast).toEqual(viaNest);
    expect(audited).toEqual(nestAudits);
  });

  it('answers an ALLOWED check with 200 and the same body', async () => {
    answer = evaluation({ ready: true });
    const path = '/v1/gates/checkout%20v2?environment=production';
    const viaFast = await answerOf(fast, path, 'tm_pipeline');
    expect(viaFast).toEqual(await answerOf(nest, path, 'tm_pipeline'));
    expect(viaFast).toMatchObject({ status: 200, cacheControl: 'no-store' });
    expect(audited).toEqual(['deploy-bot:ALLOWED', 'deploy-bot:ALLOWED']);
  });

  it('answers a failed evaluation with 500 INTERNAL and no details, as the filter does', async () => {
    failure = new Error('connection string postgres://secret');
    const path = '/v1/gates/checkout%20v2?environment=production';
    const viaFast = await answerOf(fast, path, 'tm_pipeline');
    expect(viaFast).toEqual(await answerOf(nest, path, 'tm_pipeline'));
    expect(viaFast.status).toBe(500);
    expect(JSON.stringify(viaFast.body)).not.toContain('secret');
  });

  it('answers the same inside a span when tracing is on', async () => {
    const traced = new GateFastRoute(
      { authenticate: async () => TOKENS.tm_manager },
      { check: async () => evaluation() },
      pino({ level: 'silent' }),
      true,
    );
    const server = createServer((_request, response) => response.end('express'));
    serveAheadOfNest(server, [traced], []);
    const base = await listen(server);
    try {
      const path = '/v1/gates/checkout%20v2?environment=production';
      expect(await answerOf(base, path, 'tm_manager')).toEqual(await answerOf(nest, path, 'tm_manager'));
    } finally {
      await close(server);
    }
  });

  it.each([
    ['HEAD', '/v1/gates/checkout%20v2?environment=production'],
    ['GET', '/v1/gates/checkout%20v2/?environment=production'],
    ['GET', '/V1/GATES/checkout%20v2?environment=production'],
  ])('leaves %s %s to Nest, which answers it as before', async (method, path) => {
    const viaFast = await answerOf(fast, path, 'tm_manager', method);
    expect(taken).toEqual([]);
    expect(viaFast).toEqual(await answerOf(nest, path, 'tm_manager', method));
  });
});

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const close = (server: Server) => new Promise((resolve) => server.close(resolve));

describe('serveAheadOfNest', () => {
  let release: () => void = () => undefined;
  const route: FastRoute = {
    pattern: '/fast/:id',
    match: (request) =>
      request.url?.startsWith('/fast/')
        ? async (_request, response) => {
            if (request.url === '/fast/slow') await new Promise<void>((resolve) => (release = resolve));
            if (request.url === '/fast/throw') throw new Error('boom');
            response.end(`fast ${(request as IncomingMessage & { route?: { path: string } }).route?.path}`);
          }
        : null,
    fail: (response, error) => {
      response.statusCode = 500;
      response.end(`failed: ${(error as Error).message}`);
    },
  };
  const text = async (url: string) => {
    const response = await fetch(url);
    return `${response.status} ${await response.text()}`;
  };

  it('runs the middleware in order, then the route (labelled with its pattern); other paths go on as before', async () => {
    const seen: string[] = [];
    const server = createServer((_request, response) => response.end('express'));
    const middleware: Middleware[] = [
      (_q, _s, next) => (seen.push('first'), next()),
      (_q, _s, next) => (seen.push('second'), next()),
    ];
    serveAheadOfNest(server, [route], middleware);
    const base = await listen(server);
    try {
      expect(await text(`${base}/fast/1`)).toBe('200 fast /fast/:id');
      expect(seen).toEqual(['first', 'second']);
      expect(await text(`${base}/other`)).toBe('200 express');
      expect(seen).toEqual(['first', 'second']);
    } finally {
      await close(server);
    }
  });

  it('stops where a middleware answers, and answers a middleware or route failure in the route’s shape', async () => {
    const server = createServer((_request, response) => response.end('express'));
    let limited = false;
    const middleware: Middleware[] = [
      (_q, response, next) => {
        if (!limited) return next();
        response.statusCode = 429;
        response.end('slow down');
      },
      (request, _s, next) => next(request.url === '/fast/store-down' ? new Error('store down') : undefined),
    ];
    serveAheadOfNest(server, [route], middleware);
    const base = await listen(server);
    try {
      expect(await text(`${base}/fast/store-down`)).toBe('500 failed: store down');
      expect(await text(`${base}/fast/throw`)).toBe('500 failed: boom');
      limited = true;
      expect(await text(`${base}/fast/1`)).toBe('429 slow down');
    } finally {
      await close(server);
    }
  });

  it('counts its requests in flight for the drain: a stop waits for them', async () => {
    const drain = new HttpDrain();
    const server = createServer((_request, response) => response.end('express'));
    serveAheadOfNest(server, [route], [drain.middleware]);
    const base = await listen(server);
    const slow = new Promise<string>((resolve, reject) => {
      httpRequest(`${base}/fast/slow`, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(body));
      })
        .on('error', reject)
        .end();
    });
    while (drain.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    let drained: boolean | undefined;
    const stopping = drain.drain(server, 5_000).then((done) => (drained = done));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drained).toBeUndefined();
    release();
    expect(await slow).toBe('fast /fast/:id');
    await stopping;
    expect(drained).toBe(true);
    await close(server).catch(() => undefined);
  });
});
