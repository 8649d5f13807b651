import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createTestDatabase, type TestDatabase } from '@tminus/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { OutgoingCommand, SendOptions } from '../../core/commands/command-sender';
import { evaluation, LAUNCH_ID } from '../../core/gates/testing/gate-fixtures';
import {
  openReadModelDatabase,
  type ReadModelDatabaseOptions,
  type ReadModelDb,
} from '../../core/read-model/store/database';
import { loadGithubConfig } from './config/github-config';
import { GithubModule } from './github.module';
import { EnvironmentMappings } from '../../core/github/environment-mappings';
import { PendingDeployments } from './store/pending-deployments';
import { eventually } from '../../../test/support/eventually';
import { FakeGithub, protectionRulePayload, sendWebhook } from '../../../test/support/fake-github';

const SECRET = 'webhook-secret-for-the-tests';

interface Stack {
  readonly app: INestApplication;
  readonly url: string;
  readonly db: ReadModelDb;
}

/**
 * The protection rule end to end inside one gateway process: signed webhooks in, GitHub's stand-in
 * recording every call out, the gate's answer flipped by the test ("the last item was ticked"), and a
 * restart on the same database in between.
 */
describe.each(['sqlite', 'postgres'] as const)('GitHub deployment protection rule (%s)', (dialect) => {
  let github: FakeGithub;
  let database: ReadModelDatabaseOptions;
  let cleanUp: () => Promise<void>;
  let ready: boolean;
  let cancelled: boolean;
  let audits: { outgoing: OutgoingCommand; options: Omit<SendOptions, 'alsoAwait'> }[];
  let listeners: Set<(launchId: string) => void>;
  let stack: Stack | null;

  const launchChanged = () => listeners.forEach((listener) => listener(LAUNCH_ID));

  async function startStack(): Promise<Stack> {
    const db = await openReadModelDatabase(database);
    const logger = pino({ level: 'silent' });
    const config = loadGithubConfig({
      GITHUB_WEBHOOK_SECRET: SECRET,
      GITHUB_TOKEN: 'ghp_test',
      GITHUB_API_URL: github.url,
    });
    const app = await NestFactory.create(
      GithubModule.register({
        db,
        logger,
        evaluator: {
          evaluate: async (launchRef, environment) =>
            launchRef === LAUNCH_ID
              ? evaluation({ ready, environment, launch: cancelled ? { status: 'CANCELLED' } : {} })
              : null,
        },
        commands: {
          publishOnly: async (outgoing, options) => {
            audits.push({ outgoing, options });
            return `command-${audits.length}`;
          },
        },
        launchChanges: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        config,
        retry: { initialMs: 50, maxMs: 200 },
      }),
      { logger: false, rawBody: true },
    );
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    stack = { app, url, db };
    return stack;
  }

  async function stopStack(): Promise<void> {
    if (!stack) return;
    const { app, db } = stack;
    stack = null;
    await app.close();
    await db.close();
  }

  const request = (
    url: string,
    overrides: Parameters<typeof protectionRulePayload>[0] = { callbackUrl: github.callbackUrl() },
  ) => sendWebhook(url, { secret: SECRET, payload: protectionRulePayload(overrides) });

  const pendingRows = async (db: ReadModelDb) => new PendingDeployments(db).all();

  beforeEach(async () => {
    github = await new FakeGithub().start();
    ready = false;
    cancelled = false;
    audits = [];
    listeners = new Set();
    stack = null;
    if (dialect === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'tminus-github-'));
      database = { type: 'sqlite', path: join(dir, 'gateway.sqlite') };
      cleanUp = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const testDb: TestDatabase = await createTestDatabase('github_webhook');
      database = { type: 'postgres', url: testDb.url, poolSize: 4 };
      cleanUp = () => testDb.drop();
    }
    const { db } = await startStack();
    await new EnvironmentMappings(db).put({
      repository: 'acme/checkout',
      environment: 'production',
      environmentName: 'Production',
      launchId: LAUNCH_ID,
      gateEnvironment: 'production',
      createdAt: new Date().toISOString(),
      createdBy: 'max',
    });
  });

  afterEach(async () => {
    await stopStack();
    await github.stop();
    await cleanUp();
  });

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const { url, db } = stack!;
    const payload = protectionRulePayload({ callbackUrl: github.callbackUrl() });
    const response = await sendWebhook(url, {
      secret: SECRET,
      payload,
      signature: 'sha256=' + '0'.repeat(64),
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    const unsigned = await sendWebhook(url, { secret: 'another-secret-entirely', payload });
    expect(unsigned.status).toBe(401);
    const notJson = await fetch(`${url}/v1/github/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-github-event': 'deployment_protection_rule' },
      body: 'not json at all',
    });
    expect(notJson.status).toBe(401);
    expect(await notJson.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    expect(await pendingRows(db)).toEqual([]);
    expect(github.calls).toEqual([]);
  });

  it('acknowledges and ignores other events', async () => {
    const response = await sendWebhook(stack!.url, {
      secret: SECRET,
      event: 'push',
      payload: { ref: 'main' },
    });
    expect(response).toEqual({
      status: 202,
      body: { status: 'ignored', reason: 'event push is not handled' },
    });
    expect(await pendingRows(stack!.db)).toEqual([]);
  });

  it('approves at once when the launch is ready, and audits the verdict on the launch', async () => {
    ready = true;
    const response = await request(stack!.url);
    expect(response).toEqual({
      status: 202,
      body: { status: 'accepted', id: expect.any(String), state: 'PENDING' },
    });
    await eventually(() => github.reviews().length === 1, 'the verdict');
    expect(github.reviews()[0]).toMatchObject({
      authorization: 'Bearer ghp_test',
      body: {
        environment_name: 'production',
        state: 'approved',
        comment: expect.stringContaining('ALLOWED'),
      },
    });
    await eventually(
      async () => (await pendingRows(stack!.db))[0]?.state === 'APPROVED',
      'the row marked approved',
    );
    await eventually(() => audits.length === 1, 'the audit');
    expect(audits[0].options.actor).toEqual({ userId: 'github:acme/checkout', role: 'PIPELINE' });
    expect(audits[0].outgoing.command).toMatchObject({
      type: 'RecordGateEvaluation',
      data: { decision: 'ALLOWED' },
    });
  });

  it('posts progress while not ready, then approves once the last item is ticked', async () => {
    await request(stack!.url);
    await eventually(() => github.reviews().length === 1, 'the progress comment');
    expect(github.reviews()[0].body).toEqual({
      environment_name: 'production',
      comment: expect.stringContaining('tminus: waiting for launch checkout-v2 → production'),
    });
    launchChanged(); // still not ready: nothing new is posted
    ready = true;
    launchChanged();
    await eventually(() => github.reviews().length === 2, 'the verdict');
    expect(github.reviews()[1].body).toMatchObject({ state: 'approved' });
    launchChanged();
    await eventually(
      async () => (await pendingRows(stack!.db))[0]?.state === 'APPROVED',
      'the row marked approved',
    );
    expect(github.reviews()).toHaveLength(2);
  });

  it('still answers after a restart', async () => {
    await request(stack!.url);
    await eventually(() => github.reviews().length === 1, 'the progress comment');
    await stopStack();
    ready = true; // ticked while the gateway was down: no notification will come
    await startStack();
    await eventually(() => github.reviews().length === 2, 'the verdict after the restart');
    expect(github.reviews()[1].body).toMatchObject({ state: 'approved' });
  });

  it('retries the verdict with backoff when GitHub fails, and delivers it once', async () => {
    ready = true;
    github.failNext(502, 503);
    await request(stack!.url);
    await eventually(
      async () => (await pendingRows(stack!.db))[0]?.state === 'APPROVED',
      'the delivered verdict',
    );
    expect(github.reviews().map((call) => (call.body as { state?: string }).state)).toEqual([
      'approved',
      'approved',
      'approved',
    ]);
    expect((await pendingRows(stack!.db))[0]).toMatchObject({ attempts: 2, lastError: null });
    await eventually(() => audits.length === 1, 'the audit');
  });

  it('treats a redelivered webhook as the same request', async () => {
    ready = true;
    await request(stack!.url);
    await eventually(async () => (await pendingRows(stack!.db))[0]?.state === 'APPROVED', 'the verdict');
    const again = await request(stack!.url);
    expect(again.status).toBe(202);
    expect(await pendingRows(stack!.db)).toHaveLength(1);
    expect(github.reviews()).toHaveLength(1);
  });

  it('rejects a cancelled launch, and an environment mapped to nothing', async () => {
    cancelled = true;
    await request(stack!.url);
    await request(stack!.url, {
      callbackUrl: github.callbackUrl('acme/checkout', 43),
      environment: 'staging',
    });
    await eventually(() => github.reviews().length === 2, 'both verdicts');
    const byRun = Object.fromEntries(github.reviews().map((call) => [call.path.split('/')[6], call.body]));
    expect(byRun['42']).toMatchObject({ state: 'rejected', comment: expect.stringContaining('cancelled') });
    expect(byRun['43']).toMatchObject({
      state: 'rejected',
      environment_name: 'staging',
      comment: expect.stringContaining('no launch is mapped'),
    });
  });

  it('stores nothing for a callback URL outside the GitHub API', async () => {
    const response = await request(stack!.url, {
      callbackUrl: 'https://evil.example/repos/a/b/actions/runs/1/deployment_protection_rule',
    });
    expect(response.status).toBe(400);
    expect(await pendingRows(stack!.db)).toEqual([]);
  });
});
