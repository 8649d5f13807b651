import type { ReadModelDb, Sql } from '../../read-model/store/database';
import type { NotificationEvent, WebhookFormat } from '../domain/notification';
import { DELIVERIES_TABLE, WEBHOOKS_TABLE } from './notifications-schema';

export interface Webhook {
  readonly id: string;
  readonly url: string;
  readonly events: readonly NotificationEvent[];
  /** Only this launch's notifications; null: every launch. */
  readonly launchId: string | null;
  readonly format: WebhookFormat;
  /** The HMAC key. Stored as given: it signs every delivery, so it cannot be hashed like a token. */
  readonly secret: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

interface WebhookRow {
  readonly id: string;
  readonly url: string;
  readonly events: string;
  readonly launch_id: string | null;
  readonly format: string;
  readonly secret: string;
  readonly created_at: string;
  readonly created_by: string;
}

const COLUMNS = 'id, url, events, launch_id, format, secret, created_at, created_by';

const fromRow = (row: WebhookRow): Webhook => ({
  id: row.id,
  url: row.url,
  events: JSON.parse(row.events) as NotificationEvent[],
  launchId: row.launch_id,
  format: row.format as WebhookFormat,
  secret: row.secret,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

/** Every webhook, oldest first, on the caller's connection (the projection's transaction reads it too). */
export async function allWebhooks(sql: Sql): Promise<Webhook[]> {
  const rows = await sql.query<WebhookRow>(
    `SELECT ${COLUMNS} FROM ${WEBHOOKS_TABLE} ORDER BY created_at, id`,
  );
  return rows.map(fromRow);
}

export class Webhooks {
  constructor(private readonly db: ReadModelDb) {}

  list(): Promise<Webhook[]> {
    return this.db.read(allWebhooks);
  }

  async find(id: string): Promise<Webhook | null> {
    const rows = await this.db.read((sql) =>
      sql.query<WebhookRow>(`SELECT ${COLUMNS} FROM ${WEBHOOKS_TABLE} WHERE id = ?`, [id]),
    );
    return rows.length > 0 ? fromRow(rows[0]) : null;
  }

  async count(): Promise<number> {
    const rows = await this.db.read((sql) =>
      sql.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${WEBHOOKS_TABLE}`),
    );
    return Number(rows[0]?.n ?? 0);
  }

  async add(webhook: Webhook): Promise<Webhook> {
    await this.db.transaction((sql) =>
      sql.execute(`INSERT INTO ${WEBHOOKS_TABLE} (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
        webhook.id,
        webhook.url,
        JSON.stringify(webhook.events),
        webhook.launchId,
        webhook.format,
        webhook.secret,
        webhook.createdAt,
        webhook.createdBy,
      ]),
    );
    return webhook;
  }

  /** Removes the webhook and its deliveries (nothing more is sent to it); true when it existed. */
  async remove(id: string): Promise<boolean> {
    return this.db.transaction(async (sql) => {
      await sql.execute(`DELETE FROM ${DELIVERIES_TABLE} WHERE webhook_id = ?`, [id]);
      return (await sql.execute(`DELETE FROM ${WEBHOOKS_TABLE} WHERE id = ?`, [id])) > 0;
    });
  }
}
