import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '@tminus/testing';
import { ReadModelQueries } from '../../read-model/queries/read-model-queries';
import { openReadModelDatabase, type ReadModelDb } from '../../read-model/store/database';
import { ensureSchema } from '../../read-model/store/schema';
import { evaluation, LAUNCH_ID } from '../testing/gate-fixtures';
import { GateAuditLog } from './gate-audit-log';

const ACTOR = { userId: 'deploy-bot', role: 'PIPELINE' as const };
const at = (ms: number) => new Date(Date.UTC(2026, 11, 3, 12, 0, 0, ms)).toISOString();

/** The gate audit log on both dialects: group commits of many rows, history, the last per environment. */
describe.each(['sqlite', 'postgres'] as const)('GateAuditLog on %s', (dialect) => {
  let db: ReadModelDb;
  let pg: TestDatabase | null = null;
  let dir: string | null = null;

  beforeAll(async () => {
    if (dialect === 'postgres') {
      pg = await createTestDatabase('gate_audit_log');
      db = await openReadModelDatabase({ type: 'postgres', url: pg.url });
    } else {
      dir = mkdtempSync(join(tmpdir(), 'gate-audit-log-'));
      db = await openReadModelDatabase({ type: 'sqlite', path: join(dir, 'gateway.db') });
    }
    await ensureSchema(db);
  });
  afterAll(async () => {
    await db.close();
    await pg?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('commits concurrent audits (same launch and environment in one group) and shows them', async () => {
    const log = new GateAuditLog(db, pino({ level: 'silent' }));
    const checks = Array.from({ length: 30 }, (_, i) =>
      log.record({ ...evaluation(), evaluatedAt: at(i) }, ACTOR),
    );
    checks.push(log.record({ ...evaluation({ environment: 'staging' }), evaluatedAt: at(5) }, ACTOR));
    const ids = await Promise.all(checks);
    expect(new Set(ids).size).toBe(31);

    const queries = new ReadModelQueries(db);
    const history = await queries.history(LAUNCH_ID, { first: 100 });
    expect(history.events.filter((event) => event.envelope.type === 'GateEvaluated')).toHaveLength(31);
    const last = await queries.lastGateAudits(LAUNCH_ID);
    expect(last.map((e) => [e.environment, e.evaluatedAt])).toEqual([
      ['production', at(29)],
      ['staging', at(5)],
    ]);
  });

  it('never lets an older audit replace a newer last evaluation', async () => {
    const log = new GateAuditLog(db, pino({ level: 'silent' }));
    await log.record({ ...evaluation({ environment: 'qa' }), evaluatedAt: at(500) }, ACTOR);
    await log.record({ ...evaluation({ environment: 'qa' }), evaluatedAt: at(400) }, ACTOR);
    const last = await new ReadModelQueries(db).lastGateAudits(LAUNCH_ID);
    expect(last.find((e) => e.environment === 'qa')?.evaluatedAt).toBe(at(500));
  });
});
