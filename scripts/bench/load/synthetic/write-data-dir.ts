/**
 * A complete embedded data directory holding a synthetic history, as `npm start` would have left it
 * after living through it: the three services' event stores (with the command outcomes they record),
 * the gateway's event log with its projections rebuilt from it, and the bus's log (bus.db). Nothing is
 * pending anywhere, so a start replays nothing: the services' outboxes hold no unsent row (synthetic
 * events are appended, never enqueued) and the bus holds no message, so every consumer group is at the
 * end of every topic. What the directory lacks against a lived one: the bus's history (delivered
 * messages; reading and appending at the end of a partition is an index lookup whatever the log
 * holds), the outboxes' sent rows (appended at the end of the table, their pending index stays empty)
 * and key reservations (team and launch keys; the bench creates its own keys).
 *
 * The history ends when it is written (one second per event before that), not at the generator's
 * fixed default date: its waivers expire and its live launches end hypercare weeks after their
 * launch was created. Dated months ago, every one of them would be overdue, and the first start
 * would spend minutes expiring waivers and ending hypercare (commands, events, projections) that a
 * lived store had handled at the time, while the bench measures.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEventStore, type EventStore } from '@tminus/event-store';
import { InProcessBus } from '@tminus/messaging';
import {
  GATEWAY_SQLITE_FILE,
  openReadModelDatabase,
  rebuildProjections,
} from '../../../../apps/gateway/src/index';
import { syntheticEnvelopes, type SyntheticEnvelope } from './synthetic-events';
import { writeGatewayLog } from './write-gateway-log';
import { writeServiceStores } from './write-service-stores';

const SERVICES = ['launches', 'teams', 'checklists'] as const;

/** The bus's file in an embedded data directory (apps/embedded/src/data-dir/data-dir.ts). */
const BUS_FILE = 'bus.db';

export interface DataDirReport {
  /** Events stored in the services' stores (markers are not stored). */
  readonly stored: number;
  /** Envelopes in the gateway's log (markers included) and projected by the rebuild. */
  readonly logged: number;
  readonly seconds: { readonly stores: number; readonly log: number; readonly rebuild: number };
  /** occurredAt of the first event (the last one is `events` seconds later). */
  readonly start: string;
}

/** A history of `events` events (one second each) ending now, to the minute. */
export const startEndingNow = (events: number, now = Date.now()): string =>
  new Date(Math.floor(now / 60_000) * 60_000 - events * 1000).toISOString();

const since = (started: number): number => (performance.now() - started) / 1000;

export async function writeDataDir(
  dir: string,
  events: number,
  start = startEndingNow(events),
): Promise<DataDirReport> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const history = () => syntheticEnvelopes({ events, start });
  let started = performance.now();
  const stored = await writeStores(dir, history());
  const storesSeconds = since(started);
  started = performance.now();
  const db = await openReadModelDatabase({ type: 'sqlite', path: join(dir, GATEWAY_SQLITE_FILE) });
  let logged: number;
  let logSeconds: number;
  try {
    logged = await writeGatewayLog(db, history());
    logSeconds = since(started);
    started = performance.now();
    await rebuildProjections(db);
  } finally {
    await db.close();
  }
  const rebuildSeconds = since(started);
  // Creating the bus creates its (empty) log: the embedded start refuses a directory without it.
  await new InProcessBus({ filename: join(dir, BUS_FILE) }).close();
  return {
    stored,
    logged,
    seconds: { stores: storesSeconds, log: logSeconds, rebuild: rebuildSeconds },
    start,
  };
}

async function writeStores(dir: string, history: Iterable<SyntheticEnvelope>): Promise<number> {
  const stores = new Map<string, EventStore>();
  try {
    for (const service of SERVICES) {
      const source = `tminus.${service}`;
      stores.set(
        source,
        await createEventStore({ kind: 'sqlite', file: join(dir, `${service}.db`), source }),
      );
    }
    return await writeServiceStores(stores, history, { commandOutcomes: true });
  } finally {
    for (const store of stores.values()) await store.close();
  }
}
