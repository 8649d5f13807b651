import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import type { Principal } from '../../core/auth/principal';
import type { GateEvaluation } from '../../core/read-model/domain';
import type { GateResponseBody } from './gate-response';
import { GatesModule } from './gates.module';
import type { RestErrorBody } from '../http/rest-error';
import { evaluation, principal } from '../../core/gates/testing/gate-fixtures';

const TOKENS: Record<string, Principal> = {
  tm_pipeline: principal('PIPELINE', 'deploy-bot'),
  tm_manager: principal('LAUNCH_MANAGER', 'max'),
};

describe('GET /v1/gates/:launch', () => {
  let app: INestApplication;
  let base: string;
  let answer: GateEvaluation | null;
  let failure: Error | null;
  const published: unknown[] = [];

  beforeAll(async () => {
    const logger = pino({ level: 'silent' });
    app = await NestFactory.create(
      GatesModule.register({
        authenticator: {
          authenticate: async (header) => TOKENS[/^Bearer (\S+)$/.exec(header ?? '')?.[1] ?? ''] ?? null,
        },
        evaluator: {
          evaluate: async (launch) => {
            if (failure) throw failure;
            return launch === 'checkout-v2' ? answer : null;
          },
        },
        audit: {
          record: async (evaluated, actor) => {
            published.push({ evaluation: evaluated, actor });
            return 'audit-1';
          },
        },
        logger,
      }),
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(() => app.close());

  beforeEach(() => {
    answer = evaluation();
    failure = null;
    published.length = 0;
  });

  const get = (path: string, token: string | null = 'tm_pipeline') =>
    fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers 412 with the decision body when DENIED, and records the pipeline evaluation', async () => {
    const response = await get('/v1/gates/checkout-v2?environment=production');
    expect(response.status).toBe(412);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    // No ETag: a decision is never reused, so hashing its body would be wasted work.
    expect(response.headers.get('etag')).toBeNull();
    const body = (await response.json()) as GateResponseBody;
    expect(body).toMatchObject({
      decision: 'DENIED',
      reasons: [
        { code: 'OPEN_REQUIRED_ITEM', team: 'qa', item: 'Regression suite green' },
        { code: 'NOT_SIGNED_OFF' },
      ],
      readiness: { ready: false, percent: 0 },
      position: '42',
      launch: { key: 'checkout-v2' },
      environment: 'production',
    });
    expect(published).toEqual([
      {
        evaluation: expect.objectContaining({
          launchId: body.launch.id,
          environment: 'production',
          decision: 'DENIED',
          position: '42',
          evaluatedAt: body.evaluatedAt,
        }),
        actor: expect.objectContaining({ userId: 'deploy-bot', role: 'PIPELINE' }),
      },
    ]);
  });

  it('answers 200 with the same body shape when ALLOWED', async () => {
    answer = evaluation({ ready: true });
    const response = await get('/v1/gates/checkout-v2?environment=production', 'tm_manager');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ decision: 'ALLOWED', reasons: [] });
    expect(published).toEqual([]);
  });

  it.each([
    ['no token', null, '/v1/gates/checkout-v2?environment=production', 401, 'UNAUTHENTICATED'],
    ['an unknown token', 'tm_nope', '/v1/gates/checkout-v2?environment=production', 401, 'UNAUTHENTICATED'],
    ['no environment', 'tm_pipeline', '/v1/gates/checkout-v2', 400, 'BAD_USER_INPUT'],
    ['a bad environment', 'tm_pipeline', '/v1/gates/checkout-v2?environment=a%20b', 400, 'BAD_USER_INPUT'],
    ['an unknown launch', 'tm_pipeline', '/v1/gates/nope?environment=production', 404, 'LAUNCH.NOT_FOUND'],
  ])('answers %s with %p', async (_what, token, path, status, code) => {
    const response = await get(path, token);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
    expect(published).toEqual([]);
  });

  it('answers 500 INTERNAL without details when evaluation fails', async () => {
    failure = new Error('connection string postgres://secret');
    const response = await get('/v1/gates/checkout-v2?environment=production');
    expect(response.status).toBe(500);
    const body = (await response.json()) as RestErrorBody;
    expect(body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(body)).not.toContain('secret');
  });
});
