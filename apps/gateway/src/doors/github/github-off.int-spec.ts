import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { LaunchChanges } from '../../core/feed/launch-changes';
import { openReadModelDatabase } from '../../core/read-model/store/database';
import { loadGithubConfig } from './config/github-config';
import { GithubModule } from './github.module';

/** Counts who subscribes to the launch changes, and how many are still subscribed. */
const countingChanges = () => {
  const counts = { subscribed: 0, active: 0 };
  const changes: LaunchChanges = () => {
    counts.subscribed += 1;
    counts.active += 1;
    return () => (counts.active -= 1);
  };
  return { counts, changes };
};

/** Without GITHUB_WEBHOOK_SECRET no request can arrive: the rule must cost nothing per launch event. */
describe('the GitHub rule switched off or on', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tminus-github-off-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function startWith(env: Record<string, string>) {
    const db = await openReadModelDatabase({ type: 'sqlite', path: join(dir, 'gateway.sqlite') });
    const { counts, changes } = countingChanges();
    const app = await NestFactory.create(
      GithubModule.register({
        db,
        config: loadGithubConfig(env),
        logger: pino({ level: 'silent' }),
        evaluator: { evaluate: async () => null },
        commands: { publishOnly: async () => 'command-1' },
        launchChanges: changes,
      }),
      { logger: false, rawBody: true },
    );
    await app.init();
    return { app, db, counts };
  }

  it('does not subscribe to launch changes when GitHub is not configured', async () => {
    const { app, db, counts } = await startWith({});
    expect(counts).toEqual({ subscribed: 0, active: 0 });
    await app.close();
    await db.close();
  });

  it('subscribes once when the webhook secret is set, and unsubscribes on shutdown', async () => {
    const { app, db, counts } = await startWith({
      GITHUB_WEBHOOK_SECRET: 'webhook-secret-for-the-tests',
      GITHUB_TOKEN: 'ghp_test',
    });
    expect(counts).toEqual({ subscribed: 1, active: 1 });
    await app.close();
    expect(counts).toEqual({ subscribed: 1, active: 0 });
    await db.close();
  });
});
