import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope } from '@tminus/contracts';
import { createTestDatabase, type TestDatabase } from '@tminus/testing';
import { openReadModelDatabase, type ReadModelDb } from '../store/database';
import { EventLog } from '../store/event-log';
import { ensureSchema } from '../store/schema';
import { AuditTrail } from './audit-trail';

const serviceEvent = (id: string, userId: string, data: object, type = 'TeamMemberAdded'): EventEnvelope => ({
  id,
  type,
  schemaVersion: 1,
  source: 'tminus.teams',
  streamId: 'team-1',
  streamPosition: Number(id.replace(/\D/g, '')) || 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  correlationId: id,
  causationId: id,
  actor: { userId, role: 'ADMIN' },
  data,
});

describe.each(['sqlite', 'postgres'] as const)('AuditTrail on %s', (dialect) => {
  let db: ReadModelDb;
  let pg: TestDatabase | null = null;
  let dir: string | null = null;
  let trail: AuditTrail;

  beforeAll(async () => {
    if (dialect === 'postgres') {
      pg = await createTestDatabase('audit_trail');
      db = await openReadModelDatabase({ type: 'postgres', url: pg.url });
    } else {
      dir = mkdtempSync(join(tmpdir(), 'audit-'));
      db = await openReadModelDatabase({ type: 'sqlite', path: join(dir, 'gateway.db') });
    }
    await ensureSchema(db);
    trail = new AuditTrail(db, () => new Date('2026-01-02T00:00:00.000Z'));
    await db.transaction(async (sql) => {
      const log = new EventLog(sql);
      // The user id in the data must not make it an admin's change by "a_b%".
      await log.append(serviceEvent('e1', 'admin', { userId: 'a_b%' }), null);
      await log.append(serviceEvent('e2', 'a_b%', { userId: 'zed' }), 'launch-1');
      await log.append(
        { ...serviceEvent('e3', 'a_b%', {}), type: 'CommandAccepted', streamPosition: 0 },
        null,
      );
    });
    await trail.record({
      type: 'ApiTokenCreated',
      subjectId: 'token-1',
      actor: { userId: 'admin', role: 'ADMIN' },
      summary: "API token 'ci' (PIPELINE) created",
    });
  });

  afterAll(async () => {
    await db.close();
    await pg?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists every change newest first, gateway changes included, outcome markers left out', async () => {
    const page = await trail.page({ limit: 10 });
    expect(page.map(({ envelope }) => envelope.type)).toEqual([
      'ApiTokenCreated',
      'TeamMemberAdded',
      'TeamMemberAdded',
    ]);
    expect(page[0].envelope.data).toEqual({ summary: "API token 'ci' (PIPELINE) created" });
  });

  it('filters by actor exactly (LIKE wildcards in the id are literal) and by launch', async () => {
    expect((await trail.page({ actor: 'a_b%', limit: 10 })).map(({ envelope }) => envelope.id)).toEqual([
      'e2',
    ]);
    expect((await trail.page({ actor: 'admin', limit: 1 })).map(({ envelope }) => envelope.type)).toEqual([
      'ApiTokenCreated',
    ]);
    expect((await trail.page({ launchId: 'launch-1', limit: 10 })).map((e) => e.launchId)).toEqual([
      'launch-1',
    ]);
  });

  it('pages by position', async () => {
    const [newest] = await trail.page({ limit: 1 });
    const rest = await trail.page({ beforeSeq: newest.seq, limit: 10 });
    expect(rest.map(({ envelope }) => envelope.id)).toEqual(['e2', 'e1']);
  });
});
