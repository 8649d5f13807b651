/**
 * `npm run bench -- projector`: what the gateway's projector costs per event, without HTTP, commands
 * or a bus around it, so the figure is steady on a shared machine. Embedded setup (SQLite read
 * model, notifications step in the transaction as in the gateway): one launch with 4 teams, each
 * checklist of N items; tick/untick events on the 4 checklists, delivered one at a time per
 * checklist (as the bus's partitions do) by `CONCURRENCY` deliverers. Prints events per wall second
 * and CPU microseconds per event, for small and big checklists (the growth the read model must not have).
 * `--postgres`: the read model on a throwaway PostgreSQL database instead (distributed mode's store),
 * with the statements (round trips) sent per event and the wall milliseconds per event.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checklistIdFor, type EventEnvelope } from '@tminus/contracts';
import { createTestDatabase } from '@tminus/testing';
import { Client } from 'pg';
import pino from 'pino';
import { isolatedStep } from '../../apps/gateway/src/core/notifications/detection/isolated-step';
import { notificationStep } from '../../apps/gateway/src/core/notifications/detection/notification-step';
import { ensureNotificationsSchema } from '../../apps/gateway/src/core/notifications/store/notifications-schema';
import { envelopeFactory } from '../../apps/gateway/src/core/read-model/domain/testing/envelope-factory';
import {
  LAUNCH_ID,
  checklistEvents,
  item,
  launchEvents,
  teamEvents,
} from '../../apps/gateway/src/core/read-model/domain/testing/events';
import { Projector } from '../../apps/gateway/src/core/read-model/projector/projector';
import { openReadModelDatabase } from '../../apps/gateway/src/core/read-model/store/database';
import { ensureSchema } from '../../apps/gateway/src/core/read-model/store/schema';
import type { MessageBus } from '@tminus/messaging';

const TEAMS = 4;
const EVENTS = Number(process.env.BENCH_PROJECTOR_EVENTS ?? 800);
const CONCURRENCY = Number(process.env.BENCH_PROJECTOR_CONCURRENCY ?? TEAMS);
const POSTGRES = process.argv.includes('--postgres');

/** Statements sent to PostgreSQL (each one a round trip): counted at the driver, under TypeORM. */
let statements = 0;
if (POSTGRES) {
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  (Client.prototype as { query: (...args: unknown[]) => unknown }).query = function (
    this: Client,
    ...args: unknown[]
  ) {
    statements++;
    return query.apply(this, args);
  };
}

/** The projector is fed directly: its bus is never used. */
const NO_BUS = {} as MessageBus;

interface Result {
  readonly items: number;
  readonly eventsPerSecond: number;
  readonly cpuMicrosPerEvent: number;
  readonly wallMsPerEvent: number;
  readonly statementsPerEvent: number;
}

async function measure(itemsPerChecklist: number): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'tminus-bench-projector-'));
  const pg = POSTGRES ? await createTestDatabase('bench_projector') : null;
  const db = await openReadModelDatabase(
    pg ? { type: 'postgres', url: pg.url } : { type: 'sqlite', path: join(dir, 'gateway.db') },
  );
  try {
    await ensureSchema(db);
    await ensureNotificationsSchema(db);
    const logger = pino({ level: 'silent' });
    const projector = new Projector({ db, bus: NO_BUS, groupId: 'bench', logger });
    projector.addTransactionStep(
      isolatedStep(
        notificationStep(() => new Date()),
        logger,
      ),
    );
    const envelope = envelopeFactory();
    const teams = Array.from({ length: TEAMS }, (_, index) => `team-${index}`);
    const checklists = teams.map((teamId) => checklistIdFor(LAUNCH_ID, teamId));
    const itemIds = (team: number) =>
      Array.from({ length: itemsPerChecklist }, (_, i) => `item-${team}-${i}`);
    const setup: EventEnvelope[] = [
      envelope(LAUNCH_ID, launchEvents.created()),
      ...teams.map((teamId) => envelope(teamId, teamEvents.created(teamId, teamId, teamId))),
      ...teams.map((teamId) => envelope(LAUNCH_ID, launchEvents.teamRequired(teamId))),
      ...teams.map((teamId, team) =>
        envelope(
          checklists[team],
          checklistEvents.opened(
            checklists[team],
            teamId,
            itemIds(team).map((id) => item(id)),
          ),
        ),
      ),
    ];
    for (const each of setup) await projector.project(each);
    // Per checklist: tick then untick its items in turn (every event changes the launch's blockers).
    const streams = checklists.map((checklistId, team) =>
      Array.from({ length: EVENTS / TEAMS }, (_, n) => {
        const itemId = itemIds(team)[Math.floor(n / 2) % itemsPerChecklist];
        return envelope(
          checklistId,
          n % 2 === 0
            ? checklistEvents.ticked(checklistId, itemId)
            : checklistEvents.unticked(checklistId, itemId),
        );
      }),
    );
    const deliverers = Array.from({ length: CONCURRENCY }, (_, index) =>
      streams.filter((_, s) => s % CONCURRENCY === index),
    );
    const cpu = process.cpuUsage();
    const sent = statements;
    const started = performance.now();
    await Promise.all(
      deliverers.map(async (owned) => {
        for (let n = 0; n < EVENTS / TEAMS; n++)
          for (const stream of owned) await projector.project(stream[n]);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return {
      items: itemsPerChecklist,
      eventsPerSecond: Math.round(EVENTS / seconds),
      cpuMicrosPerEvent: Math.round((used.user + used.system) / EVENTS),
      wallMsPerEvent: (seconds * 1000) / EVENTS,
      statementsPerEvent: (statements - sent) / EVENTS,
    };
  } finally {
    await db.close();
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runProjectorBenchmark(): Promise<void> {
  const results: Result[] = [];
  for (const items of [10, 250]) results.push(await measure(items));
  console.log(
    `projector (${POSTGRES ? 'PostgreSQL' : 'SQLite'}): ${EVENTS} tick/untick events on ${TEAMS} checklists, ${CONCURRENCY} deliverers`,
  );
  console.log(
    '| items per checklist | events/s | CPU µs per event | wall ms per event | statements per event |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of results)
    console.log(
      `| ${r.items} | ${r.eventsPerSecond} | ${r.cpuMicrosPerEvent} | ${r.wallMsPerEvent.toFixed(2)} | ${POSTGRES ? r.statementsPerEvent.toFixed(1) : '–'} |`,
    );
  const [small, big] = results;
  console.log(
    `growth (CPU per event, 250 vs 10 items): ${(big.cpuMicrosPerEvent / small.cpuMicrosPerEvent).toFixed(2)}×`,
  );
}
