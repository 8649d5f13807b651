import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  EventStore,
  PendingOutboxMessage,
  ReadAllOptions,
  RecordedEvent,
  StoreTransaction,
} from '../event-store';
import { EventCodec, type StoredEvent } from '../shared/event-codec';
import { resolveOptions, type EventStoreOptions } from '../shared/store-options';
import { KeyedLock } from '../support/keyed-lock';
import { SQLITE_SCHEMA } from './sqlite-schema';
import { SqliteReads, SqliteWrites } from './sqlite-statements';
import { SqliteStoreTransaction } from './sqlite-store-transaction';

/** The lock key of the single writer. */
const WRITER = 'writer';

export interface SqliteEventStoreOptions extends EventStoreOptions {
  /** A file path (created with its directory if missing) or ':memory:'. */
  readonly file: string;
  /**
   * NORMAL (default): in WAL mode a commit survives a crash of the process but the last commits may be
   * lost on power loss or an OS crash. FULL: fsync on every commit, durable against both, slower.
   */
  readonly synchronous?: 'NORMAL' | 'FULL';
  /**
   * true (default): the store itself used inside `transaction()` fails at once instead of deadlocking
   * on its one writer. The check needs an AsyncLocalStorage, and a running one makes Node call promise
   * hooks for every promise of the whole process (≈15% of the embedded process's CPU per `tickItem`,
   * ADR 0014): production wiring turns it off; tests, which run the same code, keep it on.
   */
  readonly detectNestedUse?: boolean;
}

const MEMORY = ':memory:';
const BUSY_TIMEOUT_MS = 5000;

/**
 * Embedded mode. SQLite has one writer: `transaction()` calls are serialised by an async mutex so
 * interleaved async work never nests transactions on the one writer connection. Reads outside a
 * transaction use a second connection, which in WAL mode sees only committed data.
 */
export class SqliteEventStore implements EventStore {
  readonly dialect = 'sqlite' as const;
  /** One writer: SQLite has one connection for it. */
  private readonly mutex = new KeyedLock();
  /** Undefined when nested use is not detected (see SqliteEventStoreOptions.detectNestedUse). */
  private readonly inTransaction: AsyncLocalStorage<true> | undefined;
  private readonly writes: SqliteWrites;
  private readonly reads: SqliteReads;
  private readonly markSent;

  private constructor(
    private readonly writer: Database.Database,
    /** Null for ':memory:' (a second connection would see another database): reads take the mutex. */
    private readonly reader: Database.Database | null,
    private readonly codec: EventCodec,
    detectNestedUse: boolean,
  ) {
    this.inTransaction = detectNestedUse ? new AsyncLocalStorage<true>() : undefined;
    this.writes = new SqliteWrites(writer);
    this.reads = new SqliteReads(reader ?? writer);
    this.markSent = writer.transaction((ids: readonly string[], sentAt: string) => {
      for (const id of ids) this.writes.markSent.run(sentAt, Number(id));
    });
  }

  static async create(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    const { source, upcasters } = resolveOptions(options);
    if (options.file !== MEMORY) mkdirSync(dirname(options.file), { recursive: true });
    const writer = new Database(options.file);
    try {
      writer.pragma('journal_mode = WAL');
      writer.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
      writer.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      writer.exec(SQLITE_SCHEMA);
      const reader = options.file === MEMORY ? null : openReader(options.file);
      return new SqliteEventStore(
        writer,
        reader,
        new EventCodec(source, upcasters),
        options.detectNestedUse ?? true,
      );
    } catch (error) {
      writer.close();
      throw error;
    }
  }

  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const guard = this.inTransaction;
    return this.exclusive(() =>
      guard ? guard.run(true, () => this.runTransaction(work)) : this.runTransaction(work),
    );
  }

  readStream(streamId: string, fromPosition?: number): Promise<RecordedEvent[]> {
    return this.read((reads) => this.decode(reads.readStream(streamId, fromPosition)));
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.read((reads) => this.decode(reads.readAll(options.after, options.limit)));
  }

  pendingOutbox(limit: number): Promise<PendingOutboxMessage[]> {
    return this.read((reads) => reads.pendingOutbox(limit));
  }

  markOutboxSent(outboxIds: string[]): Promise<void> {
    return this.exclusive(async () => this.markSent(outboxIds, new Date().toISOString()));
  }

  /** Waits for the running transaction, then closes both connections. */
  close(): Promise<void> {
    return this.mutex.run(WRITER, async () => {
      this.reader?.close();
      this.writer.close();
    });
  }

  private async runTransaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock at once: another process on the file waits (busy_timeout), not us mid-way.
    this.writes.begin.run();
    const tx = new SqliteStoreTransaction(this.writer, this.writes, this.codec);
    try {
      const result = await work(tx);
      this.writes.commit.run();
      return result;
    } catch (error) {
      if (this.writer.inTransaction) this.writes.rollback.run();
      throw error;
    } finally {
      tx.end();
    }
  }

  private async read<T>(query: (reads: SqliteReads) => T): Promise<T> {
    if (this.reader) return query(this.reads);
    return this.exclusive(async () => query(this.reads));
  }

  /** Takes the writer; called from inside a transaction it would wait for itself, so it fails instead. */
  private async exclusive<T>(section: () => Promise<T>): Promise<T> {
    if (this.inTransaction?.getStore()) {
      throw new Error(
        'SQLite event store: use the transaction object (tx) inside transaction(), not the store',
      );
    }
    return this.mutex.run(WRITER, section);
  }

  private decode(events: StoredEvent[]): RecordedEvent[] {
    return events.map((event) => this.codec.toRecorded(event));
  }
}

function openReader(file: string): Database.Database {
  const reader = new Database(file);
  reader.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  reader.pragma('query_only = ON');
  return reader;
}
