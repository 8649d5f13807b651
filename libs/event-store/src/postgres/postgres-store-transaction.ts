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
import type { EventCodec, EventToWrite } from '../shared/event-codec';
import { assertExpectedVersion } from '../shared/expected-version';
import { postgresPosition } from '../global-position';
import { selectStream, toStoredEvent, violatedUniqueKey, type PgQuery } from './postgres-queries';
import { PROCESSED_COMMAND_KEY, STREAM_POSITION_KEY, type PostgresTables } from './postgres-schema';

const EVENT_PARAMS = 8;

/** One PostgreSQL transaction; every statement goes through the transaction's own EntityManager. */
export class PostgresStoreTransaction implements StoreTransaction {
  /** This transaction holds a lock on the events table (see claimEventsTable). */
  private holdsEventsTable = false;

  constructor(
    private readonly sql: PgQuery,
    private readonly tables: PostgresTables,
    private readonly codec: EventCodec,
  ) {}

  async readStream(streamId: string, fromPosition?: number): Promise<RecordedEvent[]> {
    const rows = await selectStream(this.sql, this.tables, streamId, fromPosition);
    return rows.map((row) => this.codec.toRecorded(toStoredEvent(row)));
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const current = await this.currentVersion(streamId);
    assertExpectedVersion(streamId, expected, current);
    if (events.length === 0) return { nextExpectedVersion: current, events: [] };
    const toWrite = events.map((event, index) => this.codec.toWrite(event, current + index + 1));
    // The INSERT locks the table before it assigns a transaction id (if none yet).
    this.holdsEventsTable = true;
    const inserted = await this.insertEvents(streamId, expected, toWrite);
    return { nextExpectedVersion: current + events.length, events: inserted };
  }

  async enqueueOutbox(messages: OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.claimEventsTable();
    const values = messages.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`);
    const params = messages.flatMap((m) => [m.topic, m.key, JSON.stringify(m.envelope)]);
    await this.sql(
      `INSERT INTO ${this.tables.outbox} (topic, key, envelope) VALUES ${values.join(', ')}`,
      params,
    );
  }

  async reserveKey(scope: string, key: string, ownerId: string): Promise<void> {
    // ON CONFLICT instead of catching 23505: a taken key must not abort the transaction, the caller
    // usually goes on to record a rejection in it. A conflicting row can be released between the two
    // statements: then claim again (a few times, it cannot keep happening for long).
    await this.claimEventsTable();
    for (let attempt = 1; ; attempt++) {
      const claimed = await this.sql<{ owner_id: string }>(
        `INSERT INTO ${this.tables.reservations} (scope, key, owner_id) VALUES ($1, $2, $3)
         ON CONFLICT (scope, key) DO NOTHING RETURNING owner_id`,
        [scope, key, ownerId],
      );
      if (claimed.length > 0) return;
      const holder = await this.sql<{ owner_id: string }>(
        `SELECT owner_id FROM ${this.tables.reservations} WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
      if (holder.length > 0) {
        if (holder[0].owner_id !== ownerId) throw new KeyTakenError(scope, key, holder[0].owner_id);
        return;
      }
      if (attempt === 3) throw new Error(`Could not reserve ${scope} key "${key}": it keeps changing hands`);
    }
  }

  async releaseKey(scope: string, key: string, ownerId: string): Promise<void> {
    await this.claimEventsTable();
    await this.sql(
      `DELETE FROM ${this.tables.reservations} WHERE scope = $1 AND key = $2 AND owner_id = $3`,
      [scope, key, ownerId],
    );
  }

  async findCommandOutcome(commandId: string): Promise<CommandOutcome | null> {
    const rows = await this.sql<{ outcome: CommandOutcome }>(
      `SELECT outcome FROM ${this.tables.processedCommands} WHERE command_id = $1`,
      [commandId],
    );
    return rows[0]?.outcome ?? null;
  }

  async recordCommandOutcome(commandId: string, outcome: CommandOutcome): Promise<void> {
    await this.claimEventsTable();
    try {
      await this.sql(
        `INSERT INTO ${this.tables.processedCommands} (command_id, outcome) VALUES ($1, $2::jsonb)`,
        [commandId, JSON.stringify(outcome)],
      );
    } catch (error) {
      if (violatedUniqueKey(error) === PROCESSED_COMMAND_KEY)
        throw new CommandAlreadyProcessedError(commandId);
      throw error;
    }
  }

  async getCheckpoint(consumer: string, key: string): Promise<string | null> {
    const rows = await this.sql<{ position: string }>(
      `SELECT position FROM ${this.tables.checkpoints} WHERE consumer = $1 AND key = $2`,
      [consumer, key],
    );
    return rows[0]?.position ?? null;
  }

  async setCheckpoint(consumer: string, key: string, position: string): Promise<void> {
    await this.claimEventsTable();
    await this.sql(
      `INSERT INTO ${this.tables.checkpoints} (consumer, key, position) VALUES ($1, $2, $3)
       ON CONFLICT (consumer, key) DO UPDATE SET position = excluded.position, updated_at = now()`,
      [consumer, key, position],
    );
  }

  /**
   * Before this transaction's first write of anything but events: a lock on the events table (the
   * mode every INSERT takes; it blocks no writer and no reader), held to the end of the transaction.
   * The write assigns the transaction id, and events it may append later carry that id: readAll's
   * horizon (selectReadHorizon) counts only transactions holding this lock, so the lock must come
   * first. Usually free: a command's first write is its append, which takes the lock itself.
   */
  private async claimEventsTable(): Promise<void> {
    if (this.holdsEventsTable) return;
    await this.sql(`LOCK TABLE ${this.tables.events} IN ROW EXCLUSIVE MODE`, []);
    this.holdsEventsTable = true;
  }

  private async currentVersion(streamId: string): Promise<number> {
    const rows = await this.sql<{ version: number }>(
      `SELECT coalesce(max(stream_position), 0) AS version FROM ${this.tables.events} WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0].version;
  }

  /** A rival that committed (or is committing) the same positions makes this fail on the unique key. */
  private async insertEvents(
    streamId: string,
    expected: ExpectedVersion,
    events: EventToWrite[],
  ): Promise<RecordedEvent[]> {
    const values = events.map((_, i) => {
      const p = (n: number): string => `$${i * EVENT_PARAMS + n}`;
      return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}::jsonb, ${p(7)}::jsonb, ${p(8)}::timestamptz)`;
    });
    const params = events.flatMap((e) => [
      e.id,
      streamId,
      e.streamPosition,
      e.type,
      e.schemaVersion,
      JSON.stringify(e.data ?? null),
      JSON.stringify(e.metadata),
      e.occurredAt,
    ]);
    let positions: { global_position: string; transaction_id: string; stream_position: number }[];
    try {
      positions = await this.sql(
        `INSERT INTO ${this.tables.events}
           (id, stream_id, stream_position, type, schema_version, data, metadata, occurred_at)
         VALUES ${values.join(', ')}
         RETURNING global_position::text AS global_position, transaction_id::text AS transaction_id, stream_position`,
        params,
      );
    } catch (error) {
      if (violatedUniqueKey(error) === STREAM_POSITION_KEY)
        throw new ConcurrencyError(streamId, expected, null);
      throw error;
    }
    const byPosition = new Map(positions.map((row) => [row.stream_position, row]));
    return events.map((event) => {
      const row = byPosition.get(event.streamPosition);
      if (!row)
        throw new Error(`Insert into ${streamId} returned no row for position ${event.streamPosition}`);
      return this.codec.toRecorded({
        ...event,
        streamId,
        globalPosition: postgresPosition.encode(row.transaction_id, row.global_position),
      });
    });
  }
}
