import pino from 'pino';
import { ErrorCodes } from '@tminus/contracts';
import type { ReadModelDb, Sql, SqlParam } from '../../read-model/store/database';
import { evaluation, LAUNCH_ID } from '../testing/gate-fixtures';
import { AuditTimeoutError } from './await-recorded';
import { GateAuditLog } from './gate-audit-log';

const ACTOR = { userId: 'deploy-bot', role: 'PIPELINE' as const };

/** A database that records its statements; `commit` decides how each transaction ends. */
function fakeDb(commit: () => Promise<void> = async () => undefined) {
  const transactions: { text: string; params: readonly SqlParam[] }[][] = [];
  const db: Pick<ReadModelDb, 'transaction'> = {
    transaction: async (work) => {
      const statements: { text: string; params: readonly SqlParam[] }[] = [];
      const sql: Sql = {
        dialect: 'sqlite',
        query: async () => [],
        execute: async (text, params = []) => {
          statements.push({ text, params });
          return 1;
        },
      };
      const result = await work(sql);
      await commit();
      transactions.push(statements);
      return result;
    },
  };
  return { db: db as ReadModelDb, transactions };
}

const silent = pino({ level: 'silent' });

describe('GateAuditLog', () => {
  it('appends a GateEvaluated marker of the gateway to the event log, concerning the launch', async () => {
    const { db, transactions } = fakeDb();
    const id = await new GateAuditLog(db, silent).record(evaluation(), ACTOR);
    expect(transactions).toHaveLength(1);
    const [{ text, params }] = transactions[0];
    expect(text).toMatch(/^INSERT INTO rm_events/);
    expect(params.slice(0, 5)).toEqual([id, LAUNCH_ID, 0, 'GateEvaluated', LAUNCH_ID]);
    expect(JSON.parse(String(params[6]))).toMatchObject({
      source: 'tminus.gateway',
      actor: ACTOR,
      data: { launchId: LAUNCH_ID, environment: 'production', decision: 'DENIED', evaluatedBy: 'deploy-bot' },
    });
  });

  it('writes concurrent checks in one transaction, one multi-row statement', async () => {
    const { db, transactions } = fakeDb();
    const log = new GateAuditLog(db, silent);
    const ids = await Promise.all(Array.from({ length: 6 }, () => log.record(evaluation(), ACTOR)));
    expect(new Set(ids).size).toBe(6);
    // Checks decided in the same turn of the event loop share one commit.
    expect(transactions.map((statements) => statements[0].params.length / 7)).toEqual([6]);
  });

  it('answers only once the audit is committed (so a kill -9 cannot lose an answered check)', async () => {
    let commit!: () => void;
    const { db } = fakeDb(() => new Promise<void>((resolve) => (commit = resolve)));
    let answered = false;
    const recorded = new GateAuditLog(db, silent).record(evaluation(), ACTOR).then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    commit();
    await recorded;
    expect(answered).toBe(true);
  });

  it('throws AuditTimeoutError when the commit takes longer than the timeout (the gate fails closed)', async () => {
    const { db } = fakeDb(() => new Promise((resolve) => setTimeout(resolve, 200)));
    const log = new GateAuditLog(db, silent, 20);
    await expect(log.record(evaluation(), ACTOR)).rejects.toBeInstanceOf(AuditTimeoutError);
    await log.flushed();
  });

  it('refuses to answer when the commit fails', async () => {
    const { db } = fakeDb(() => Promise.reject(new Error('disk I/O error')));
    await expect(new GateAuditLog(db, silent).record(evaluation(), ACTOR)).rejects.toMatchObject({
      code: ErrorCodes.INTERNAL,
    });
  });
});
