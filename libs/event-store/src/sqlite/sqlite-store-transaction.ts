import type Database from 'better-sqlite3';
import type {
  AppendResult,
  CommandOutcome,
  ExpectedVersion,
  NewEvent,
  OutboxMessage,
  RecordedEvent,
  StoreTransaction,
} from '../event-store';
import { CommandAlreadyProcessedError, ConcurrencyError, KeyTakenError } from '../errors';
import { sqlitePosition } from '../global-position';
import type { EventCodec } from '../shared/event-codec';
import { assertExpectedVersion } from '../shared/expected-version';
import { violatesUnique, type SqliteWrites } from './sqlite-statements';

const now = (): string => new Date().toISOString();

/** One SQLite transaction on the writer connection. Unusable once its transaction has ended. */
export class SqliteStoreTransaction implements StoreTransaction {
  private open = true;

  constructor(
    private readonly db: Database.Database,
    private readonly writes: SqliteWrites,
    private readonly codec: EventCodec,
  ) {}

  /** Called when the transaction commits or rolls back: a leaked reference must not write outside it. */
  end(): void {
    this.open = false;
  }

  async readStream(streamId: string, fromPosition?: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.writes.reads.readStream(streamId, fromPosition).map((event) => this.codec.toRecorded(event));
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    this.assertOpen();
    const current = this.writes.currentVersion.get(streamId)?.version ?? 0;
    assertExpectedVersion(streamId, expected, current);
    const toWrite = events.map((event, index) => this.codec.toWrite(event, current + index + 1));
    try {
      // A savepoint so a failed multi-event append leaves nothing behind even if the caller carries on.
      const rowIds = this.writes.insertAll(streamId, toWrite);
      const recorded = toWrite.map((event, index) =>
        this.codec.toRecorded({ ...event, streamId, globalPosition: sqlitePosition.encode(rowIds[index]) }),
      );
      return { nextExpectedVersion: current + events.length, events: recorded };
    } catch (error) {
      // Unreachable under the single writer unless another process writes the file: the key still holds.
      if (violatesUnique(error, 'events.stream_id')) throw new ConcurrencyError(streamId, expected, null);
      throw error;
    }
  }

  async enqueueOutbox(messages: OutboxMessage[]): Promise<void> {
    this.assertOpen();
    const createdAt = now();
    for (const m of messages)
      this.writes.insertOutbox.run(m.topic, m.key, JSON.stringify(m.envelope), createdAt);
  }

  async reserveKey(scope: string, key: string, ownerId: string): Promise<void> {
    this.assertOpen();
    if (this.writes.claimKey.run(scope, key, ownerId, now()).changes > 0) return;
    const holder = this.writes.keyHolder.get(scope, key)?.owner_id;
    if (holder !== undefined && holder !== ownerId) throw new KeyTakenError(scope, key, holder);
  }

  async releaseKey(scope: string, key: string, ownerId: string): Promise<void> {
    this.assertOpen();
    this.writes.releaseKey.run(scope, key, ownerId);
  }

  async findCommandOutcome(commandId: string): Promise<CommandOutcome | null> {
    this.assertOpen();
    const row = this.writes.findOutcome.get(commandId);
    return row ? (JSON.parse(row.outcome) as CommandOutcome) : null;
  }

  async recordCommandOutcome(commandId: string, outcome: CommandOutcome): Promise<void> {
    this.assertOpen();
    try {
      this.writes.insertOutcome.run(commandId, JSON.stringify(outcome), now());
    } catch (error) {
      if (violatesUnique(error, 'processed_commands.command_id'))
        throw new CommandAlreadyProcessedError(commandId);
      throw error;
    }
  }

  async getCheckpoint(consumer: string, key: string): Promise<string | null> {
    this.assertOpen();
    return this.writes.getCheckpoint.get(consumer, key)?.position ?? null;
  }

  async setCheckpoint(consumer: string, key: string, position: string): Promise<void> {
    this.assertOpen();
    this.writes.setCheckpoint.run(consumer, key, position, now());
  }

  private assertOpen(): void {
    if (!this.open) throw new Error('This store transaction has already ended');
  }
}
