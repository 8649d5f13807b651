import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedProcess } from './client/embedded-process';
import { GraphqlClient } from './client/graphql-client';
import { createChecklistFixture, launchHistory } from './testing/launch-fixture';

/**
 * The embedded process is killed (kill -9) under audited gate load: a PIPELINE check is answered only
 * after its audit committed (a group commit to the gateway's own event log), so every check that got
 * its 200 must be in the log after the crash, and shows in the launch's history after a restart.
 */
describe('embedded mode: a kill -9 loses no answered gate check', () => {
  const CONNECTIONS = 8;
  const KILL_AFTER_ANSWERS = 60;
  let dataDir: string;
  const processes: EmbeddedProcess[] = [];

  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'tminus-gate-crash-'))));
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.kill('SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    // The per-token rate limit is lifted: the load must reach the audit, not the limiter's 429s.
    const running = await EmbeddedProcess.start({
      dataDir,
      env: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000' },
    });
    processes.push(running);
    return {
      running,
      client: new GraphqlClient({ url: running.graphqlUrl, token: await running.adminToken() }),
    };
  };

  /** A GO launch, and a PIPELINE token: `staging` (the lenient default policy) answers 200 ALLOWED. */
  async function seed(client: GraphqlClient): Promise<{ launchId: string; token: string }> {
    const fixture = await createChecklistFixture(client, ['Smoke tests green']);
    await client.request('mutation G($input: RecordGoNoGoInput!) { recordGoNoGo(input: $input) { id } }', {
      input: { launchId: fixture.launchId, decision: 'GO' },
    });
    const { createApiToken } = await client.request<{ createApiToken: { token: string } }>(
      'mutation T($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }',
      { input: { name: 'crash pipeline', role: 'PIPELINE', userId: 'crash-bot' } },
    );
    return { launchId: fixture.launchId, token: createApiToken.token };
  }

  /** Checks in a loop on each connection until the process dies; returns the evaluatedAt of every 200. */
  async function checkUntilDead(url: string, token: string, onAnswer: (count: number) => void) {
    const answered: string[] = [];
    const loop = async () => {
      for (;;) {
        let response: Response;
        try {
          response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        } catch {
          return; // the process is gone
        }
        const body = (await response.json().catch(() => null)) as { evaluatedAt?: string } | null;
        if (response.status !== 200 || typeof body?.evaluatedAt !== 'string') continue;
        answered.push(body.evaluatedAt);
        onAnswer(answered.length);
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, loop));
    return answered;
  }

  const loggedEvaluations = (): string[] => {
    const db = new Database(join(dataDir, 'gateway.db'), { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare<[], { envelope: string }>("SELECT envelope FROM rm_events WHERE type = 'GateEvaluated'")
        .all()
        .map((row) => (JSON.parse(row.envelope) as { data: { evaluatedAt: string } }).data.evaluatedAt);
    } finally {
      db.close();
    }
  };

  it('finds every check that got a 200 in the audit log and in the history', async () => {
    const { running, client } = await start();
    const { launchId, token } = await seed(client);
    const url = `${running.baseUrl}/v1/gates/${launchId}?environment=staging`;
    let killing: Promise<number | null> | null = null;
    const answered = await checkUntilDead(url, token, (count) => {
      if (count >= KILL_AFTER_ANSWERS) killing ??= running.kill('SIGKILL');
    });
    expect(await killing).toBeNull();
    expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS);

    // Every answered check by its instant, as a multiset: the log may hold more (committed, then killed
    // before the answer went out), never fewer.
    const logged = new Map<string, number>();
    for (const at of loggedEvaluations()) logged.set(at, (logged.get(at) ?? 0) + 1);
    const missing = answered.filter((at) => {
      const left = logged.get(at) ?? 0;
      logged.set(at, left - 1);
      return left <= 0;
    });
    expect(missing).toEqual([]);

    const restarted = await start();
    const audits = (await launchHistory(restarted.client, launchId)).filter(
      (entry) => entry.type === 'GateEvaluated',
    );
    expect(audits.length).toBeGreaterThanOrEqual(answered.length);
    expect(audits[0].summary).toBe('Gate for staging ALLOWED, asked by crash-bot');
  });
});
