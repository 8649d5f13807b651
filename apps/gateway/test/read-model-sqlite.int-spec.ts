import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checklistIdFor, newId, type CommandEnvelope, type EventEnvelope } from '@tminus/contracts';
import pino from 'pino';
import { openReadModelDatabase, rebuildProjections, type ReadModelDb } from '../src/index';
import { Projector } from '../src/core/read-model/projector/projector';
import { ReadModelQueries } from '../src/core/read-model/queries/read-model-queries';
import { ensureSchema } from '../src/core/read-model/store/schema';
import { acceptedOf, envelopesFor, rejectionOf, StreamPositions } from './support/envelopes';
import { event } from './support/fake-services';
import { FakeBus } from './support/fake-bus';

const TABLES = [
  'rm_launches',
  'rm_checklists',
  'rm_checklist_items',
  'rm_incidents',
  'rm_teams',
  'rm_templates',
  'rm_stream_positions',
];

describe('the read model on SQLite (embedded mode)', () => {
  let dir: string;
  let db: ReadModelDb;
  let projector: Projector;
  let queries: ReadModelQueries;
  const positions = new StreamPositions();
  const launchId = newId();
  const teamId = newId();
  const checklistId = checklistIdFor(launchId, teamId);
  const itemId = newId();

  const at = (minute: number) => `2030-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
  const project = async (envelopes: EventEnvelope[]) => {
    const results = [];
    for (const envelope of envelopes) results.push(await projector.project(envelope));
    return results;
  };
  const dump = () =>
    db.read(async (sql) => {
      const tables: unknown[] = [];
      for (const table of TABLES) {
        const rows = await sql.query<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY 1`);
        // A position row's tag names the write that stored it: a rebuild writes the same rows with new tags.
        tables.push(rows.map(({ tag, ...row }) => ({ ...row, tagged: typeof tag === 'string' })));
      }
      return tables;
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tminus-rm-'));
    db = await openReadModelDatabase({ type: 'sqlite', path: join(dir, 'gateway.sqlite') });
    await ensureSchema(db);
    projector = new Projector({ db, bus: new FakeBus(), groupId: 'test', logger: pino({ level: 'silent' }) });
    queries = new ReadModelQueries(db);
    await project([
      ...envelopesFor(
        positions,
        'teams',
        [event(teamId, 'TeamCreated', { teamId, key: 'qa', name: 'QA', function: 'QA' })],
        undefined,
        at(0),
      ),
      ...envelopesFor(
        positions,
        'launches',
        [
          event(launchId, 'LaunchCreated', {
            launchId,
            key: 'apollo',
            name: 'Apollo',
            targetDate: at(59),
            description: null,
            ownerUserId: 'lm',
          }),
          event(launchId, 'TeamRequired', { launchId, teamId, targetDate: at(59) }),
        ],
        undefined,
        at(1),
      ),
      ...envelopesFor(
        positions,
        'checklists',
        [
          event(checklistId, 'ChecklistOpened', {
            checklistId,
            launchId,
            teamId,
            teamFunction: 'QA',
            templateId: null,
            templateVersion: null,
            targetDate: at(59),
            items: [
              {
                itemId,
                title: 'Smoke tests',
                description: null,
                required: true,
                dueDate: null,
                dueDaysBeforeLaunch: null,
              },
            ],
          }),
        ],
        undefined,
        at(2),
      ),
    ]);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies each event once: a redelivered event changes nothing and is reported as seen', async () => {
    const [tick] = envelopesFor(
      positions,
      'checklists',
      [
        event(checklistId, 'ChecklistItemTicked', {
          checklistId,
          itemId,
          by: 'quinn',
          at: at(10),
          evidenceUrl: null,
        }),
      ],
      undefined,
      at(10),
    );
    const [first, again] = await project([tick, tick]);
    expect(first).toMatchObject({ applied: true, launchId, kind: 'checklist' });
    expect(again).toMatchObject({ applied: false, launchId });
    const located = await queries.itemLocation(itemId);
    expect(located?.item).toMatchObject({ state: 'DONE', doneBy: 'quinn' });
    const history = await queries.history(launchId, { first: 10 });
    expect(history.events.filter(({ envelope }) => envelope.id === tick.id)).toHaveLength(1);
  });

  it('keeps command markers once each, outside the launch history', async () => {
    const command: CommandEnvelope = {
      commandId: newId(),
      type: 'UntickItem',
      aggregateId: checklistId,
      actor: { userId: 'quinn', role: 'TEAM_MEMBER' },
      correlationId: 'c',
      issuedAt: at(11),
      payload: {},
    };
    const rejected = rejectionOf(command, 'checklists', 'CHECKLIST.ITEM_NOT_DONE', 'not done');
    const accepted = acceptedOf({ ...command, commandId: newId() }, 'checklists');
    const results = await project([rejected, rejected, accepted]);
    expect(results.map((result) => result.applied)).toEqual([true, false, true]);
    const history = await queries.history(launchId, { first: 50 });
    expect(history.events.map(({ envelope }) => envelope.type)).not.toContain('CommandRejected');
  });

  it('shows a launch as it was at a past moment', async () => {
    const before = await queries.launchAsOf('apollo', new Date(at(5)));
    expect(before?.checklists[0].items[0].state).toBe('OPEN');
    expect(before?.asOf).toBe(at(5));
    const after = await queries.launchAsOf(launchId, new Date(at(30)));
    expect(after?.checklists[0].items[0].state).toBe('DONE');
    await expect(queries.launchAsOf(launchId, new Date(at(0)))).resolves.toBeNull();
  });

  it('rebuilds to exactly what live projection built, then keeps projecting on the new tables', async () => {
    const live = await dump();
    const report = await rebuildProjections(db, { batchSize: 2 });
    expect(report.events).toBe(7); // 5 domain events and 2 markers
    expect(await dump()).toEqual(live);
    const [incident] = envelopesFor(
      positions,
      'launches',
      [
        event(launchId, 'IncidentReported', {
          launchId,
          incidentId: 'inc-1',
          severity: 'SEV1',
          title: 'Down',
          by: 'lm',
          at: at(40),
        }),
      ],
      undefined,
      at(40),
    );
    await project([incident]);
    expect((await queries.launchOfIncident('inc-1'))?.id).toBe(launchId);
  });

  it('applies each event once when concurrent deliveries share one transaction (group commit)', async () => {
    const [first] = envelopesFor(
      positions,
      'checklists',
      [event(checklistId, 'ChecklistItemUnticked', { checklistId, itemId, by: 'quinn' })],
      undefined,
      at(41),
    );
    // Submitted together: one batch holding the event twice and a redelivery of it.
    const results = await Promise.all([first, first, first].map((envelope) => projector.project(envelope)));
    expect(results.map((result) => result.applied)).toEqual([true, false, false]);
    const located = await queries.itemLocation(itemId);
    expect(located?.item).toMatchObject({ state: 'OPEN' });
    const history = await queries.history(launchId, { first: 50 });
    expect(history.events.filter(({ envelope }) => envelope.id === first.id)).toHaveLength(1);
  });
});
