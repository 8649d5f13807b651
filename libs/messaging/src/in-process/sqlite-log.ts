import Database from 'better-sqlite3';
import type { OutgoingMessage } from '../message-bus';

export interface StoredMessage {
  readonly partition: number;
  readonly offset: number;
  readonly key: string;
  readonly headers: string;
  readonly value: Buffer;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS bus_topics (
    topic TEXT PRIMARY KEY,
    partitions INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS bus_messages (
    topic TEXT NOT NULL,
    partition INTEGER NOT NULL,
    "offset" INTEGER NOT NULL,
    key TEXT NOT NULL,
    headers TEXT NOT NULL,
    value BLOB NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (topic, partition, "offset")
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS bus_offsets (
    group_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    partition INTEGER NOT NULL,
    next_offset INTEGER NOT NULL,
    PRIMARY KEY (group_id, topic, partition)
  ) WITHOUT ROWID;
`;

/**
 * The durable log behind the in-process bus: messages per (topic, partition) numbered from 0, and
 * the next offset of every consumer group. better-sqlite3 is synchronous, which the bus relies on:
 * an append and the wake-up that follows it run without anything in between.
 */
export class SqliteLog {
  private readonly db: Database.Database;
  private readonly partitionCounts = new Map<string, number>();
  private readonly statements;
  /** Prepared once: better-sqlite3 builds a new wrapper on every `db.transaction()` call. */
  private readonly appendInTransaction;
  private lastDataVersion: number | undefined;

  constructor(filename: string) {
    this.db = new Database(filename);
    // WAL + NORMAL: a process crash loses nothing committed; only a power loss may drop the last commits.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.statements = {
      topicPartitions: this.db.prepare<[string], { partitions: number }>(
        'SELECT partitions FROM bus_topics WHERE topic = ?',
      ),
      addTopic: this.db.prepare('INSERT OR IGNORE INTO bus_topics (topic, partitions) VALUES (?, ?)'),
      endOffset: this.db.prepare<[string, number], { next: number }>(
        'SELECT COALESCE(MAX("offset") + 1, 0) AS next FROM bus_messages WHERE topic = ? AND partition = ?',
      ),
      insert: this.db.prepare(
        'INSERT INTO bus_messages (topic, partition, "offset", key, headers, value, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      read: this.db.prepare<[string, number, number, number], StoredMessage>(
        'SELECT partition, "offset" AS "offset", key, headers, value FROM bus_messages ' +
          'WHERE topic = ? AND partition = ? AND "offset" >= ? ORDER BY "offset" LIMIT ?',
      ),
      groupOffset: this.db.prepare<[string, string, number], { next_offset: number }>(
        'SELECT next_offset FROM bus_offsets WHERE group_id = ? AND topic = ? AND partition = ?',
      ),
      setGroupOffset: this.db.prepare(
        'INSERT INTO bus_offsets (group_id, topic, partition, next_offset) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = excluded.next_offset',
      ),
    };
    this.appendInTransaction = this.db.transaction(this.appendRows.bind(this));
  }

  /**
   * The topic's partition count, fixed the first time the topic is used: keys must keep hashing to
   * the same partition even if the configured count changes later.
   */
  partitionsOf(topic: string, configured: () => number): number {
    const cached = this.partitionCounts.get(topic);
    if (cached !== undefined) return cached;
    this.statements.addTopic.run(topic, configured());
    const count = this.statements.topicPartitions.get(topic)?.partitions ?? 1;
    this.partitionCounts.set(topic, count);
    return count;
  }

  /**
   * Appends in one transaction, in the given order; each message goes to the partition `partitionOf`
   * picks. Returns what was stored, per partition in offset order, so the consumers of this process
   * can take it from memory instead of reading it back.
   */
  append(
    topic: string,
    messages: readonly OutgoingMessage[],
    partitionOf: (key: string) => number,
  ): ReadonlyMap<number, readonly StoredMessage[]> {
    return this.appendInTransaction.immediate(topic, messages, partitionOf);
  }

  private appendRows(
    topic: string,
    messages: readonly OutgoingMessage[],
    partitionOf: (key: string) => number,
  ): Map<number, StoredMessage[]> {
    const publishedAt = new Date().toISOString();
    const stored = new Map<number, StoredMessage[]>();
    for (const message of messages) {
      const partition = partitionOf(message.key);
      let appended = stored.get(partition);
      if (!appended) stored.set(partition, (appended = []));
      const offset = (appended.at(-1)?.offset ?? this.endOffset(topic, partition) - 1) + 1;
      const headers = JSON.stringify(message.headers);
      this.statements.insert.run(topic, partition, offset, message.key, headers, message.value, publishedAt);
      appended.push({ partition, offset, key: message.key, headers, value: message.value });
    }
    return stored;
  }

  read(topic: string, partition: number, fromOffset: number, limit: number): StoredMessage[] {
    return this.statements.read.all(topic, partition, fromOffset, limit);
  }

  endOffset(topic: string, partition: number): number {
    return this.statements.endOffset.get(topic, partition)?.next ?? 0;
  }

  groupOffset(groupId: string, topic: string, partition: number): number | undefined {
    return this.statements.groupOffset.get(groupId, topic, partition)?.next_offset;
  }

  setGroupOffset(groupId: string, topic: string, partition: number, nextOffset: number): void {
    this.statements.setGroupOffset.run(groupId, topic, partition, nextOffset);
  }

  /**
   * True if another connection (another process: the DLQ replay tool, say) committed since the last
   * call. SQLite's data_version ignores this connection's own commits, which wake consumers directly.
   */
  changedElsewhere(): boolean {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    const changed = this.lastDataVersion !== undefined && version !== this.lastDataVersion;
    this.lastDataVersion = version;
    return changed;
  }

  close(): void {
    this.db.close();
  }
}
