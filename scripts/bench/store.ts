/**
 * `npm run bench:store`: single-event appends per second through the event store (each append its
 * own transaction, with its outbox row) against the raw driver inserting a similar row in its own
 * transaction, on PostgreSQL and on SQLite. Sequential, one writer: it measures per-append cost
 * (round trips, commit/fsync, the store's version check and mapping), not peak concurrent throughput.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { createEventStore, type EventStore, type NewEvent } from '@tminus/event-store';
import { DEFAULT_PG_ADMIN_URL } from '../../libs/messaging/src/local-broker/settings';
import { formatTable, measure, type Measurement, type MeasureOptions } from './measure';

const OPTIONS: MeasureOptions = {
  durationMs: Number(process.env.BENCH_DURATION_MS ?? 3000),
  maxOperations: Number(process.env.BENCH_MAX_OPERATIONS ?? 50_000),
  warmup: 50,
};
const STREAMS = 100;
const TOPIC = 'tminus.bench.events';

const newEvent = (index: number): NewEvent => ({
  type: 'ChecklistItemTicked',
  data: { checklistId: 'c-1', itemId: `item-${index}`, evidenceUrl: 'https://ci.example.com/run/1' },
  correlationId: randomUUID(),
  causationId: randomUUID(),
  commandId: randomUUID(),
  lastOfCommand: true,
  actor: { userId: 'alice', role: 'TEAM_MEMBER' },
});

/** The row the raw baselines insert: the same columns and values the store writes. */
const rawRow = (index: number): unknown[] => {
  const event = newEvent(index);
  const metadata = { source: 'bench', correlationId: event.correlationId, causationId: event.causationId };
  return [
    randomUUID(),
    `raw-${index}`,
    1,
    event.type,
    1,
    JSON.stringify(event.data),
    JSON.stringify(metadata),
  ];
};

/** Appends one event with its outbox row, in its own transaction, to one of STREAMS streams. */
function storeAppender(store: EventStore, runId: string): (index: number) => Promise<void> {
  const versions = new Array<number>(STREAMS).fill(0);
  return async (index) => {
    const stream = index % STREAMS;
    const streamId = `bench-${runId}-${stream}`;
    await store.transaction(async (tx) => {
      const { events, nextExpectedVersion } = await tx.append(streamId, [newEvent(index)], versions[stream]);
      await tx.enqueueOutbox(events.map((envelope) => ({ topic: TOPIC, key: streamId, envelope })));
      versions[stream] = nextExpectedVersion;
    });
  };
}

const EVENT_COLUMNS = `(id, stream_id, stream_position, type, schema_version, data, metadata, occurred_at)`;

async function benchPostgres(): Promise<Measurement[]> {
  const adminUrl = process.env.PG_ADMIN_URL || DEFAULT_PG_ADMIN_URL;
  const name = `t_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const store = await createEventStore({
      kind: 'postgres',
      url: url.toString(),
      poolSize: 4,
      source: 'bench',
    });
    const raw = new Client({ connectionString: url.toString() });
    await raw.connect();
    try {
      // Same shape and keys as the store's tables, so the baseline pays for the same indexes.
      await raw.query(`CREATE TABLE raw_events (LIKE events INCLUDING ALL)`);
      await raw.query(`CREATE TABLE raw_outbox (LIKE outbox INCLUDING ALL)`);
      const insertEvent = `INSERT INTO raw_events ${EVENT_COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7, now())`;
      const insertOutbox = `INSERT INTO raw_outbox (topic, key, envelope) VALUES ($1, $2, $3)`;
      const rawInsert = await measure(
        'raw pg: BEGIN; INSERT event; COMMIT',
        async (i) => {
          await raw.query('BEGIN');
          await raw.query(insertEvent, rawRow(i));
          await raw.query('COMMIT');
        },
        OPTIONS,
      );
      const rawWithOutbox = await measure(
        'raw pg: BEGIN; INSERT event; INSERT outbox; COMMIT',
        async (i) => {
          const row = rawRow(i + 1_000_000_000);
          await raw.query('BEGIN');
          await raw.query(insertEvent, row);
          await raw.query(insertOutbox, [TOPIC, row[1], row[6]]);
          await raw.query('COMMIT');
        },
        OPTIONS,
      );
      // The store's own statements over the raw client: separates SQL cost from TypeORM/mapping cost.
      const rawStoreStatements = await measure(
        "raw pg: the store's 5 statements, no TypeORM",
        async (i) => {
          const row = rawRow(i + 2_000_000_000);
          await raw.query('BEGIN');
          await raw.query('SELECT coalesce(max(stream_position), 0) FROM raw_events WHERE stream_id = $1', [
            row[1],
          ]);
          await raw.query(`${insertEvent} RETURNING global_position::text, transaction_id::text`, row);
          await raw.query(insertOutbox, [TOPIC, row[1], row[6]]);
          await raw.query('COMMIT');
        },
        OPTIONS,
      );
      const viaStore = await measure(
        'event store (TypeORM): append + outbox',
        storeAppender(store, randomUUID()),
        OPTIONS,
      );
      return [rawInsert, rawWithOutbox, rawStoreStatements, viaStore];
    } finally {
      await raw.end();
      await store.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function benchSqlite(): Promise<Measurement[]> {
  const directory = mkdtempSync(join(tmpdir(), 'tminus-bench-'));
  try {
    const store = await createEventStore({
      kind: 'sqlite',
      file: join(directory, 'store.sqlite'),
      source: 'bench',
    });
    const raw = new Database(join(directory, 'raw.sqlite'));
    try {
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      raw.exec(`CREATE TABLE raw_events (
        global_position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
        stream_position INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL,
        data TEXT NOT NULL, metadata TEXT NOT NULL, occurred_at TEXT NOT NULL, UNIQUE (stream_id, stream_position))`);
      const insert = raw.prepare(`INSERT INTO raw_events ${EVENT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      const rawInsert = await measure(
        'raw better-sqlite3: BEGIN; INSERT event; COMMIT',
        (i) => {
          raw.exec('BEGIN IMMEDIATE');
          insert.run(...rawRow(i), new Date().toISOString());
          raw.exec('COMMIT');
        },
        OPTIONS,
      );
      const viaStore = await measure(
        'event store: append + outbox',
        storeAppender(store, randomUUID()),
        OPTIONS,
      );
      return [rawInsert, viaStore];
    } finally {
      raw.close();
      await store.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export async function runStoreBenchmark(): Promise<void> {
  const limits = `${OPTIONS.durationMs / 1000} s or ${OPTIONS.maxOperations} appends per measurement`;
  console.log(`Event store benchmark: sequential single-event appends, one transaction each (${limits})\n`);
  const postgres = await benchPostgres();
  console.log(`${formatTable('PostgreSQL', postgres, postgres[0])}\n`);
  const sqlite = await benchSqlite();
  console.log(formatTable('SQLite (WAL, synchronous=NORMAL)', sqlite, sqlite[0]));
}
