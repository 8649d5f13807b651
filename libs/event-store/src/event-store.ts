import type { EventEnvelope } from '@tminus/contracts';

/** What a writer expects the stream's current version (its last position, 0 when empty) to be. */
export type ExpectedVersion = 'any' | 'no_stream' | number;

/** An event to append: the store assigns id (unless given), stream position and global position. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly id?: string;
  readonly type: Type;
  readonly data: Data;
  readonly schemaVersion?: number;
  readonly occurredAt?: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly commandId?: string;
  readonly lastOfCommand?: boolean;
  readonly actor?: EventEnvelope['actor'];
  /** W3C trace context of the work that appends it (kept in the metadata, carried to Kafka). */
  readonly traceparent?: string;
}

/** A stored event: the envelope plus its place in the store's commit order. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends EventEnvelope<
  Type,
  Data
> {
  /**
   * Position in the store's global commit order: an opaque, fixed-width string, so positions of one
   * store compare correctly as plain strings (`a < b`, {@link compareGlobalPositions}). Pass it back as
   * `readAll({ after })`. PostgreSQL encodes (transaction id, sequence), SQLite the rowid; never parse it.
   */
  readonly globalPosition: string;
}

export interface AppendResult {
  readonly nextExpectedVersion: number;
  readonly events: RecordedEvent[];
}

/** A message waiting in the outbox, written in the same transaction as what it announces. */
export interface OutboxMessage {
  readonly topic: string;
  readonly key: string;
  readonly envelope: EventEnvelope;
}

export interface PendingOutboxMessage extends OutboxMessage {
  readonly outboxId: string;
}

/** The outcome recorded with a processed command id (so a redelivered command is answered the same way). */
export interface CommandOutcome {
  readonly status: 'ACCEPTED' | 'REJECTED';
  readonly code?: string;
  readonly eventIds: string[];
}

/** Everything that must commit atomically with an append. */
export interface StoreTransaction {
  /** The stream's events from `fromPosition` (inclusive, 1-based; default 1), in stream order. */
  readStream(streamId: string, fromPosition?: number): Promise<RecordedEvent[]>;
  /**
   * Appends after the stream's current version. Throws {@link ConcurrencyError} when the stream is not
   * at `expected` or a rival transaction appended first ('any' too: retrying is the caller's job). On
   * PostgreSQL the error aborts the transaction: let it propagate and retry the whole unit of work.
   */
  append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  enqueueOutbox(messages: OutboxMessage[]): Promise<void>;
  /** Claims `key` in `scope` for `ownerId`; throws {@link KeyTakenError} if another owner holds it. */
  reserveKey(scope: string, key: string, ownerId: string): Promise<void>;
  /** Frees `key` if `ownerId` holds it; a no-op otherwise. */
  releaseKey(scope: string, key: string, ownerId: string): Promise<void>;
  findCommandOutcome(commandId: string): Promise<CommandOutcome | null>;
  /** Throws {@link CommandAlreadyProcessedError} if a concurrent transaction recorded this command first. */
  recordCommandOutcome(commandId: string, outcome: CommandOutcome): Promise<void>;
  /** Consumer positions, stored with the writes they guard. */
  getCheckpoint(consumer: string, key: string): Promise<string | null>;
  setCheckpoint(consumer: string, key: string, position: string): Promise<void>;
}

export interface ReadAllOptions {
  /** A `globalPosition` from this store: only events after it are returned (default: from the start). */
  readonly after?: string;
  /** At most this many events (default: all of them). */
  readonly limit?: number;
}

export interface EventStore {
  readonly dialect: 'postgres' | 'sqlite';
  /** Runs `work` in one database transaction; rolls back if it throws. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** Committed events of the stream from `fromPosition` (inclusive, 1-based; default 1). */
  readStream(streamId: string, fromPosition?: number): Promise<RecordedEvent[]>;
  /** Events in commit order. Never skips an event whose transaction commits after a later-numbered one. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Unsent outbox messages in commit order (oldest first). */
  pendingOutbox(limit: number): Promise<PendingOutboxMessage[]>;
  markOutboxSent(outboxIds: string[]): Promise<void>;
  close(): Promise<void>;
}
