import type { Logger } from 'pino';
import { projectEnvelope } from '../projector/project-envelope';
import type { ReadModelDb, Sql } from '../store/database';
import { Documents } from '../store/documents';
import { EventLog } from '../store/event-log';
import {
  createProjectionTables,
  dropProjectionTables,
  ensureSchema,
  READ_MODEL_LOCK_KEY,
  renameProjectionTables,
} from '../store/schema';
import {
  LIVE_TABLES,
  NEXT_SUFFIX,
  OLD_SUFFIX,
  projectionTables,
  type ProjectionTables,
} from '../store/tables';
import { isDuplicateKey, writeFoldedStreams } from './bulk-documents';
import { logPages } from './log-pages';
import { StreamFolds, type FoldedDocument, type FoldedStream } from './stream-folds';

export interface RebuildReport {
  /** Events replayed (in bulk, then caught up at the switch). */
  readonly events: number;
  readonly caughtUp: number;
  readonly durationMs: number;
}

export interface RebuildOptions {
  /** Events read per query (bulk phase) and replayed per query (catch-up). */
  readonly batchSize?: number;
  /**
   * Streams folded in memory at once; past it the least recently used half is written out (and read
   * back if a later event needs it). Bounds the rebuild's memory whatever the number of events.
   */
  readonly maxOpenStreams?: number;
  /** The same bound by weight: open streams plus the items of open checklists (see StreamFolds.weight). */
  readonly maxOpenWeight?: number;
  readonly logger?: Pick<Logger, 'info'>;
}

const NEXT = projectionTables(NEXT_SUFFIX);
const OLD = projectionTables(OLD_SUFFIX);

/** Waits for every projector transaction in flight and keeps new ones out until the transaction ends. */
const lockOutProjectors = async (sql: Sql): Promise<void> => {
  if (sql.dialect === 'postgres') await sql.query('SELECT pg_advisory_xact_lock(?)', [READ_MODEL_LOCK_KEY]);
};

async function replay(sql: Sql, tables: ProjectionTables, afterSeq: number, upToSeq: number, limit: number) {
  const events = await new EventLog(sql).after(afterSeq, limit, upToSeq);
  for (const { envelope } of events) await projectEnvelope(sql, tables, envelope, { record: false });
  return { count: events.length, lastSeq: events.at(-1)?.seq ?? afterSeq };
}

/** A stream written out earlier, read back from the `_next` tables: what its fold had reached. */
async function readBack(
  sql: Sql,
  streamId: string,
  kind: FoldedDocument['kind'] | null,
): Promise<FoldedStream> {
  const rows = await sql.query<{ position: number | string }>(
    `SELECT position FROM ${NEXT.positions} WHERE stream_id = ?`,
    [streamId],
  );
  const docs = new Documents(sql, NEXT);
  const document = async (): Promise<FoldedDocument | null> => {
    switch (kind) {
      case 'launch': {
        const view = await docs.launch(streamId);
        return view && { kind, view };
      }
      case 'checklist': {
        const view = await docs.checklist(streamId);
        return view && { kind, view };
      }
      case 'team': {
        const view = await docs.team(streamId);
        return view && { kind, view };
      }
      case 'template': {
        const view = await docs.template(streamId);
        return view && { kind, view };
      }
      case null:
        return null;
    }
  };
  // Index rows written before stay (inserts of the same ids do nothing): start the set afresh.
  return {
    streamId,
    position: Number(rows[0]?.position ?? 0),
    document: await document(),
    indexed: new Set(),
    stored: true,
  };
}

/**
 * The bulk phase: reads the log up to the watermark in pages (streamed, or the next page fetched while
 * this one is folded: log-pages.ts), folds every stream in memory with the projection's pure reducers, and writes each
 * document once, in multi-row statements, one transaction per write-out. Evicted streams are
 * remembered by kind, so a later event of theirs reads them back instead of starting afresh.
 */
async function foldAndWrite(
  db: ReadModelDb,
  watermark: number,
  options: {
    batchSize: number;
    maxOpenStreams: number;
    maxOpenWeight: number;
    writersInFlight: number;
    logger?: Pick<Logger, 'info'>;
  },
): Promise<number> {
  const folds = new StreamFolds();
  const evicted = new Map<string, FoldedDocument['kind'] | null>();
  // Write-outs in flight while the fold goes on, each on its own connection (PostgreSQL): on a busy
  // machine two backends writing get through more than one. They hold disjoint streams: a stream is
  // written out again only after a read-back, and a read-back waits for every write-out in flight.
  const inFlight = new Set<Promise<void>>();
  const settled = async (): Promise<void> => {
    await Promise.all(inFlight);
  };
  const writeOut = async (streams: readonly FoldedStream[]): Promise<void> => {
    for (const stream of streams) evicted.set(stream.streamId, stream.document?.kind ?? null);
    while (inFlight.size >= options.writersInFlight) await Promise.race(inFlight);
    const write = (copy: boolean) =>
      db.transaction(async (sql) => {
        // Safe: the `_next` tables are read by nobody until the switch, whose commit is synchronous
        // (and makes every earlier commit durable with it); a crash before it leaves tables the next
        // rebuild drops.
        if (sql.dialect === 'postgres') await sql.execute('SET LOCAL synchronous_commit = off');
        await writeFoldedStreams(sql, NEXT, streams, { copy });
      });
    // COPY first; a key already taken rolls it back, and the same write-out goes again as upserts.
    const writing = write(true).catch((error: unknown) =>
      isDuplicateKey(error) ? write(false) : Promise.reject(error),
    );
    inFlight.add(writing);
    // Removed once done; a failure is observed by the next race or settle, and must not crash meanwhile.
    writing.then(
      () => inFlight.delete(writing),
      () => undefined,
    );
  };
  let replayed = 0;
  for await (const events of logPages(db, watermark, options.batchSize)) {
    for (const { envelope } of events) {
      const { streamId } = envelope;
      if (envelope.streamPosition > 0 && !folds.has(streamId) && evicted.has(streamId)) {
        const kind = evicted.get(streamId) ?? null;
        await settled(); // it may be a write-out in flight that holds this stream
        folds.restore(await db.read((sql) => readBack(sql, streamId, kind)));
        evicted.delete(streamId);
      }
      folds.apply(envelope);
    }
    replayed += events.length;
    if (folds.size > options.maxOpenStreams || folds.weight() > options.maxOpenWeight)
      await writeOut(folds.evictOldest(Math.ceil(folds.size / 2)));
    if (Math.floor(replayed / 100_000) > Math.floor((replayed - events.length) / 100_000))
      options.logger?.info({ replayed, watermark }, 'rebuilding projections');
  }
  const rest = folds.drain();
  const share = Math.ceil(rest.length / options.writersInFlight);
  for (let start = 0; start < rest.length; start += share) await writeOut(rest.slice(start, start + share));
  await settled();
  return replayed;
}

/**
 * Rebuilds the projection tables from the stored events and switches to them atomically: a fresh
 * `_next` set is filled while the gateway keeps serving (and projecting into) the live set; the switch
 * transaction replays what arrived meanwhile and renames `_next` to live. Readers see the old model or
 * the new one, never a half-built one. Safe while gateways run (PostgreSQL or SQLite).
 */
export async function rebuildProjections(
  db: ReadModelDb,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 500;
  await ensureSchema(db);
  await db.transaction(async (sql) => {
    await dropProjectionTables(sql, NEXT);
    await dropProjectionTables(sql, OLD);
    await createProjectionTables(sql, NEXT);
  });
  // Every event up to the watermark was committed when it was read: replaying up to it skips none.
  const watermark = await db.transaction(async (sql) => {
    await lockOutProjectors(sql);
    return new EventLog(sql).lastSeq();
  });
  const replayed = await foldAndWrite(db, watermark, {
    batchSize: options.batchSize ?? 2_000,
    maxOpenStreams: options.maxOpenStreams ?? 1_000,
    maxOpenWeight: options.maxOpenWeight ?? 50_000,
    // SQLite has one writer: its transactions queue behind each other whatever this says.
    writersInFlight: db.dialect === 'postgres' ? 2 : 1,
    logger: options.logger,
  });
  const caughtUp = await db.transaction(async (sql) => {
    await lockOutProjectors(sql);
    let count = 0;
    for (let lastSeq = watermark; ;) {
      const batch = await replay(sql, NEXT, lastSeq, Number.MAX_SAFE_INTEGER, batchSize);
      if (batch.count === 0) break;
      count += batch.count;
      lastSeq = batch.lastSeq;
    }
    await renameProjectionTables(sql, LIVE_TABLES, OLD);
    await renameProjectionTables(sql, NEXT, LIVE_TABLES);
    return count;
  });
  // Dropped after the switch committed: a reader that was waiting on the old tables still finds them.
  await db.transaction((sql) => dropProjectionTables(sql, OLD));
  const report = {
    events: replayed + caughtUp,
    caughtUp,
    durationMs: Math.round(performance.now() - started),
  };
  options.logger?.info(report, 'projections rebuilt and switched');
  return report;
}
