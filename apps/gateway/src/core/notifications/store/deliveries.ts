import type { ReadModelDb, Sql } from '../../read-model/store/database';
import { placeholders } from '../../read-model/store/documents';
import type { NotificationEvent } from '../domain/notification';
import { DELIVERIES_TABLE, WEBHOOKS_TABLE } from './notifications-schema';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

/** One notification for one webhook: the outbox row, and what became of it. */
export interface NewDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly event: NotificationEvent;
  readonly launchId: string | null;
  readonly contentType: string;
  /** The exact bytes sent (and signed) on every attempt. */
  readonly body: string;
  readonly createdAt: string;
}

export interface DeliveryRecord {
  readonly id: string;
  readonly webhookId: string;
  readonly event: NotificationEvent;
  readonly launchId: string | null;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
}

/** A delivery taken by a worker for one attempt, with what it needs to send it. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly url: string;
  readonly secret: string;
  readonly contentType: string;
  readonly body: string;
  readonly attempts: number;
  readonly createdAt: string;
}

interface RecordRow {
  readonly id: string;
  readonly webhook_id: string;
  readonly event: string;
  readonly launch_id: string | null;
  readonly status: string;
  readonly attempts: number | string;
  readonly last_status_code: number | string | null;
  readonly last_error: string | null;
  readonly created_at: string;
  readonly next_attempt_at: string;
  readonly delivered_at: string | null;
}

const toRecord = (row: RecordRow): DeliveryRecord => ({
  id: row.id,
  webhookId: row.webhook_id,
  event: row.event as NotificationEvent,
  launchId: row.launch_id,
  status: row.status as DeliveryStatus,
  attempts: Number(row.attempts),
  lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
  lastError: row.last_error,
  createdAt: row.created_at,
  nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at : null,
  deliveredAt: row.delivered_at,
});

/** Adds deliveries on the caller's connection (the projection's or the scheduler's transaction). */
export async function enqueueDeliveries(sql: Sql, deliveries: readonly NewDelivery[]): Promise<void> {
  for (const delivery of deliveries) {
    await sql.execute(
      `INSERT INTO ${DELIVERIES_TABLE} (id, webhook_id, event, launch_id, content_type, body, status, attempts, ` +
        "created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
      [
        delivery.id,
        delivery.webhookId,
        delivery.event,
        delivery.launchId,
        delivery.contentType,
        delivery.body,
        delivery.createdAt,
        delivery.createdAt,
      ],
    );
  }
}

/**
 * How many attempts one webhook may have in flight: a receiver that hangs holds that many slots (each
 * until the timeout), never all of them, so the others' deliveries keep flowing.
 */
export interface FairShare {
  readonly perWebhook: number;
  readonly inFlight: ReadonlyMap<string, number>;
}

const NO_SHARE: FairShare = { perWebhook: Number.MAX_SAFE_INTEGER, inFlight: new Map() };

/** The outbox as the delivery worker and `webhookDeliveries` see it. */
export class Deliveries {
  constructor(private readonly db: ReadModelDb) {}

  /**
   * Takes up to `limit` due deliveries for one attempt each, leased until `leaseUntil`: another worker
   * (or this one after a crash) takes a delivery again only once its lease ran out. The conditional
   * UPDATE is the claim, so two instances never send the same attempt.
   */
  async claimDue(
    now: string,
    leaseUntil: string,
    limit: number,
    fair: FairShare = NO_SHARE,
  ): Promise<ClaimedDelivery[]> {
    if (limit <= 0) return [];
    return this.db.transaction(async (sql) => {
      // Webhooks at their share are left out in the query, so their backlog cannot hide the others'.
      const saturated = [...fair.inFlight].filter(([, busy]) => busy >= fair.perWebhook).map(([id]) => id);
      const skip = saturated.length > 0 ? `AND d.webhook_id NOT IN (${placeholders(saturated.length)}) ` : '';
      const due = await sql.query<ClaimRow>(
        `SELECT d.id, d.webhook_id, w.url, w.secret, d.content_type, d.body, d.attempts, d.created_at FROM ${DELIVERIES_TABLE} d ` +
          `JOIN ${WEBHOOKS_TABLE} w ON w.id = d.webhook_id WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? ` +
          `AND (d.lease_until IS NULL OR d.lease_until < ?) ${skip}ORDER BY d.next_attempt_at LIMIT ?`,
        [now, now, ...saturated, limit * 4],
      );
      const claimed: ClaimedDelivery[] = [];
      const taking = new Map<string, number>();
      for (const row of due) {
        if (claimed.length >= limit) break;
        const busy = (fair.inFlight.get(row.webhook_id) ?? 0) + (taking.get(row.webhook_id) ?? 0);
        if (busy >= fair.perWebhook) continue;
        taking.set(row.webhook_id, (taking.get(row.webhook_id) ?? 0) + 1);
        const taken = await sql.execute(
          `UPDATE ${DELIVERIES_TABLE} SET lease_until = ? WHERE id = ? AND status = 'PENDING' ` +
            'AND (lease_until IS NULL OR lease_until < ?)',
          [leaseUntil, row.id, now],
        );
        if (taken > 0) claimed.push(fromClaimRow(row));
        else taking.set(row.webhook_id, (taking.get(row.webhook_id) ?? 1) - 1);
      }
      return claimed;
    });
  }

  async markDelivered(id: string, attempts: number, statusCode: number, at: string): Promise<void> {
    await this.db.transaction((sql) =>
      sql.execute(
        `UPDATE ${DELIVERIES_TABLE} SET status = 'DELIVERED', attempts = ?, last_status_code = ?, last_error = NULL, ` +
          'delivered_at = ?, lease_until = NULL WHERE id = ?',
        [attempts, statusCode, at, id],
      ),
    );
  }

  /** A failed attempt: retried at `nextAttemptAt`, or FAILED for good when it is null. */
  async markAttemptFailed(
    id: string,
    attempts: number,
    outcome: { statusCode: number | null; error: string },
    nextAttemptAt: string | null,
  ): Promise<void> {
    await this.db.transaction((sql) =>
      sql.execute(
        `UPDATE ${DELIVERIES_TABLE} SET status = ?, attempts = ?, last_status_code = ?, last_error = ?, ` +
          'next_attempt_at = COALESCE(?, next_attempt_at), lease_until = NULL WHERE id = ?',
        [
          nextAttemptAt === null ? 'FAILED' : 'PENDING',
          attempts,
          outcome.statusCode,
          outcome.error,
          nextAttemptAt,
          id,
        ],
      ),
    );
  }

  /** Newest first. */
  async ofWebhook(webhookId: string, first: number): Promise<DeliveryRecord[]> {
    const rows = await this.db.read((sql) =>
      sql.query<RecordRow>(
        'SELECT id, webhook_id, event, launch_id, status, attempts, last_status_code, last_error, created_at, ' +
          `next_attempt_at, delivered_at FROM ${DELIVERIES_TABLE} WHERE webhook_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
        [webhookId, first],
      ),
    );
    return rows.map(toRecord);
  }

  /** Forgets finished deliveries created before `before` (the outbox is no archive); returns how many. */
  prune(before: string): Promise<number> {
    return this.db.transaction((sql) =>
      sql.execute(`DELETE FROM ${DELIVERIES_TABLE} WHERE status <> 'PENDING' AND created_at < ?`, [before]),
    );
  }
}

interface ClaimRow {
  readonly id: string;
  readonly webhook_id: string;
  readonly url: string;
  readonly secret: string;
  readonly content_type: string;
  readonly body: string;
  readonly attempts: number | string;
  readonly created_at: string;
}

const fromClaimRow = (row: ClaimRow): ClaimedDelivery => ({
  id: row.id,
  webhookId: row.webhook_id,
  url: row.url,
  secret: row.secret,
  contentType: row.content_type,
  body: row.body,
  attempts: Number(row.attempts),
  createdAt: row.created_at,
});
