import type { EventEnvelope } from '@tminus/contracts';
import { upcastEnvelope } from '@tminus/event-store';
import type { Sql } from './database';
import { jsonLikePattern, placeholders } from './documents';
import { EVENTS_TABLE } from './tables';

/** A received envelope with its place in this read model's arrival order. */
export interface LoggedEvent {
  /** Local sequence (arrival order); history cursors and gate positions are built from it. */
  readonly seq: number;
  readonly envelope: EventEnvelope;
}

interface EventRow {
  readonly seq: number | string;
  readonly envelope: string;
}

// PostgreSQL bigint comes back as a string (typeorm#8583); sequences stay far below 2^53.
const toNumber = (value: number | string | null | undefined): number => (value == null ? 0 : Number(value));

/** A stored row back to the event it logged (also for rows read by other means: the rebuild's COPY). */
export const loggedEvent = (seq: number | string, envelope: string): LoggedEvent => ({
  seq: toNumber(seq),
  // Envelopes logged by an earlier version are read at the current schema version.
  envelope: upcastEnvelope(JSON.parse(envelope) as EventEnvelope),
});

const logged = (row: EventRow): LoggedEvent => loggedEvent(row.seq, row.envelope);

/** ISO-8601 in one fixed form, so stored times compare correctly as text. */
const normalizeInstant = (value: string): string => new Date(value).toISOString();

export interface HistoryPageQuery {
  readonly launchId: string;
  /** Only events before this sequence (the cursor of the page before). */
  readonly beforeSeq?: number;
  /** Only events that occurred at or before this instant (a launch seen "as of" then). */
  readonly occurredUpTo?: string;
  readonly limit: number;
}

/** A logged event with the launch it concerns (null: teams, templates, tokens). */
export interface AuditedEvent extends LoggedEvent {
  readonly launchId: string | null;
}

/** The `rm_events` table: every envelope the projector received, kept forever. */
export class EventLog {
  constructor(private readonly sql: Sql) {}

  /** Records the envelope and returns its sequence; null when an event with its id is there already. */
  async append(envelope: EventEnvelope, launchId: string | null): Promise<number | null> {
    const rows = await this.sql.query<{ seq: number | string }>(
      `INSERT INTO ${EVENTS_TABLE} (event_id, stream_id, stream_position, type, launch_id, occurred_at, envelope) ` +
        'VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING RETURNING seq',
      [
        envelope.id,
        envelope.streamId,
        envelope.streamPosition,
        envelope.type,
        launchId,
        normalizeInstant(envelope.occurredAt),
        JSON.stringify(envelope),
      ],
    );
    return rows.length > 0 ? toNumber(rows[0].seq) : null;
  }

  /**
   * Records fresh envelopes (new ids, e.g. gate audits) in one multi-row statement: the caller's group
   * commit pays one round trip and one transaction for all of them.
   */
  async appendMany(entries: readonly { envelope: EventEnvelope; launchId: string | null }[]): Promise<void> {
    if (entries.length === 0) return;
    const row = `(${placeholders(7)})`;
    await this.sql.execute(
      `INSERT INTO ${EVENTS_TABLE} (event_id, stream_id, stream_position, type, launch_id, occurred_at, envelope) ` +
        `VALUES ${entries.map(() => row).join(', ')}`,
      entries.flatMap(({ envelope, launchId }) => [
        envelope.id,
        envelope.streamId,
        envelope.streamPosition,
        envelope.type,
        launchId,
        normalizeInstant(envelope.occurredAt),
        JSON.stringify(envelope),
      ]),
    );
  }

  async find(eventId: string): Promise<{ seq: number; launchId: string | null } | null> {
    const rows = await this.sql.query<{ seq: number | string; launch_id: string | null }>(
      `SELECT seq, launch_id FROM ${EVENTS_TABLE} WHERE event_id = ?`,
      [eventId],
    );
    return rows.length > 0 ? { seq: toNumber(rows[0].seq), launchId: rows[0].launch_id } : null;
  }

  async lastSeq(): Promise<number> {
    const rows = await this.sql.query<{ last: number | string | null }>(
      `SELECT MAX(seq) AS last FROM ${EVENTS_TABLE}`,
    );
    return toNumber(rows[0]?.last);
  }

  /** Events in arrival order after `afterSeq`, at most `limit` (the rebuild reads it in batches). */
  async after(afterSeq: number, limit: number, upToSeq = Number.MAX_SAFE_INTEGER): Promise<LoggedEvent[]> {
    const rows = await this.sql.query<EventRow>(
      `SELECT seq, envelope FROM ${EVENTS_TABLE} WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
      [afterSeq, upToSeq, limit],
    );
    return rows.map(logged);
  }

  /** A launch's history, newest first. */
  async history(query: HistoryPageQuery): Promise<LoggedEvent[]> {
    const conditions = ['launch_id = ?'];
    const params: (string | number)[] = [query.launchId];
    if (query.beforeSeq !== undefined) {
      conditions.push('seq < ?');
      params.push(query.beforeSeq);
    }
    if (query.occurredUpTo !== undefined) {
      conditions.push('occurred_at <= ?');
      params.push(normalizeInstant(query.occurredUpTo));
    }
    const rows = await this.sql.query<EventRow>(
      `SELECT seq, envelope FROM ${EVENTS_TABLE} WHERE ${conditions.join(' AND ')} ORDER BY seq DESC LIMIT ?`,
      [...params, query.limit],
    );
    return rows.map(logged);
  }

  /**
   * The audit log, newest first: every change (command outcome markers left out), optionally of one
   * launch or by one actor. The actor is matched in the stored JSON first (a LIKE that may also hit a
   * user id in the data), then exactly, fetching further batches until the page is full.
   */
  async audit(query: {
    beforeSeq?: number;
    launchId?: string | null;
    actor?: string | null;
    limit: number;
  }): Promise<AuditedEvent[]> {
    const found: AuditedEvent[] = [];
    let beforeSeq = query.beforeSeq ?? Number.MAX_SAFE_INTEGER;
    const batch = query.actor ? Math.max(query.limit * 4, 50) : query.limit;
    for (;;) {
      const rows = await this.auditBatch({ ...query, beforeSeq, limit: batch });
      found.push(...rows.filter((row) => !query.actor || row.envelope.actor?.userId === query.actor));
      if (found.length >= query.limit || rows.length < batch) return found.slice(0, query.limit);
      beforeSeq = rows[rows.length - 1].seq;
    }
  }

  private async auditBatch(query: {
    beforeSeq: number;
    launchId?: string | null;
    actor?: string | null;
    limit: number;
  }): Promise<AuditedEvent[]> {
    const conditions = ['seq < ?', "type NOT IN ('CommandRejected', 'CommandAccepted')"];
    const params: (string | number)[] = [query.beforeSeq];
    if (query.launchId) {
      conditions.push('launch_id = ?');
      params.push(query.launchId);
    }
    if (query.actor) {
      conditions.push("envelope LIKE ? ESCAPE '\\'");
      params.push(jsonLikePattern({ userId: query.actor }));
    }
    const rows = await this.sql.query<EventRow & { launch_id: string | null }>(
      `SELECT seq, envelope, launch_id FROM ${EVENTS_TABLE} WHERE ${conditions.join(' AND ')} ORDER BY seq DESC LIMIT ?`,
      [...params, query.limit],
    );
    return rows.map((row) => ({ ...logged(row), launchId: row.launch_id }));
  }

  /** Every event concerning a launch (its own and its checklists'), in arrival order. */
  async ofLaunch(launchId: string): Promise<LoggedEvent[]> {
    const rows = await this.sql.query<EventRow>(
      `SELECT seq, envelope FROM ${EVENTS_TABLE} WHERE launch_id = ? ORDER BY seq`,
      [launchId],
    );
    return rows.map(logged);
  }

  /** Every event of the given streams, in arrival order. */
  async ofStreams(streamIds: readonly string[]): Promise<LoggedEvent[]> {
    if (streamIds.length === 0) return [];
    const rows = await this.sql.query<EventRow>(
      `SELECT seq, envelope FROM ${EVENTS_TABLE} WHERE stream_id IN (${placeholders(streamIds.length)}) ORDER BY seq`,
      streamIds,
    );
    return rows.map(logged);
  }
}
