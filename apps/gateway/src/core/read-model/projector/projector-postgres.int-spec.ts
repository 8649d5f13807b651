import { newId, type EventEnvelope } from '@tminus/contracts';
import { createTestDatabase, type TestDatabase } from '@tminus/testing';
import pino from 'pino';
import { envelopesFor, StreamPositions } from '../../../../test/support/envelopes';
import { event } from '../../../../test/support/fake-services';
import { FakeBus } from '../../../../test/support/fake-bus';
import { openReadModelDatabase, type ReadModelDb } from '../store/database';
import { ensureSchema } from '../store/schema';
import { Projector } from './projector';

/** A projector batch on PostgreSQL: its stream positions locked and read once, then kept in memory. */
describe('the projector on PostgreSQL, a batch at a time', () => {
  let testDb: TestDatabase;
  let db: ReadModelDb;
  const logger = pino({ level: 'silent' });
  const newProjector = () => new Projector({ db, bus: new FakeBus(), groupId: newId(), logger });

  /** Each team: created, then renamed `renames` times (positions 1..renames+1). */
  const teamStreams = (teams: number, renames: number): EventEnvelope[][] => {
    const positions = new StreamPositions();
    return Array.from({ length: teams }, (_, team) => {
      const teamId = newId();
      return envelopesFor(positions, 'teams', [
        event(teamId, 'TeamCreated', { teamId, key: `t${team}`, name: 'v0', function: 'QA' }),
        ...Array.from({ length: renames }, (_, n) =>
          event(teamId, 'TeamRenamed', { teamId, name: `v${n + 1}` }),
        ),
      ]);
    });
  };

  const stored = () =>
    db.read(async (sql) => ({
      positions: await sql.query<{ stream_id: string; position: number }>(
        'SELECT stream_id, position FROM rm_stream_positions ORDER BY stream_id',
      ),
      names: await sql.query<{ id: string; doc: string }>('SELECT id, doc FROM rm_teams ORDER BY id'),
      logged: await sql.query<{ event_id: string }>('SELECT event_id FROM rm_events'),
    }));

  beforeEach(async () => {
    testDb = await createTestDatabase('projector_pg');
    db = await openReadModelDatabase({ type: 'postgres', url: testDb.url, poolSize: 4 });
    await ensureSchema(db);
  });
  afterEach(async () => {
    await db.close();
    await testDb.drop();
  });

  it('applies each event once when a batch holds several events of a stream and redeliveries of them', async () => {
    const projector = newProjector();
    const streams = teamStreams(3, 3);
    const [first] = streams;
    // One batch: every stream's events in order, the first stream's all twice (a redelivery inside the batch).
    const batch = [...streams.flat(), ...first];
    const results = await Promise.all(batch.map((envelope) => projector.project(envelope)));
    expect(results.map((result) => result.applied)).toEqual([
      ...streams.flat().map(() => true),
      ...first.map(() => false),
    ]);
    // And again later, in a batch of its own: skipped by the stored positions.
    const again = await Promise.all(first.map((envelope) => projector.project(envelope)));
    expect(again.map((result) => result.applied)).toEqual(first.map(() => false));

    const { positions, names, logged } = await stored();
    expect(positions.map((row) => Number(row.position))).toEqual([4, 4, 4]);
    expect(names.map((row) => (JSON.parse(row.doc) as { name: string }).name)).toEqual(['v3', 'v3', 'v3']);
    expect(logged).toHaveLength(12);
  });

  it('applies each event once when two instances apply overlapping batches in opposite orders', async () => {
    const [a, b] = [newProjector(), newProjector()];
    const streams = teamStreams(6, 4);
    const forward = streams.flat();
    // The same events, streams in reverse order (each stream's own order kept, as a partition keeps it).
    const backward = [...streams].reverse().flat();
    const [resultsA, resultsB] = await Promise.all([
      Promise.all(forward.map((envelope) => a.project(envelope))),
      Promise.all(backward.map((envelope) => b.project(envelope))),
    ]);
    const appliedBy = new Map<string, number>();
    for (const result of [...resultsA, ...resultsB])
      if (result.applied) appliedBy.set(result.envelope.id, (appliedBy.get(result.envelope.id) ?? 0) + 1);
    expect(appliedBy.size).toBe(forward.length);
    expect([...appliedBy.values()].every((count) => count === 1)).toBe(true);

    const { positions, names, logged } = await stored();
    expect(positions.map((row) => Number(row.position))).toEqual(streams.map(() => 5));
    expect(names.every((row) => (JSON.parse(row.doc) as { name: string }).name === 'v4')).toBe(true);
    expect(logged).toHaveLength(forward.length);
  });
});
