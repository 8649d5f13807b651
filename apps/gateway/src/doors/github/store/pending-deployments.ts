import type { ReadModelDb } from '../../../core/read-model/store/database';
import { PENDING_TABLE } from '../../../core/github/github-schema';

/** PENDING until answered: APPROVED/REJECTED once GitHub took the verdict, FAILED when GitHub refused it. */
export type PendingState = 'PENDING' | 'APPROVED' | 'REJECTED' | 'FAILED';

/** A protection-rule request GitHub waits on: remembered durably, so a restart still answers it. */
export interface PendingDeployment {
  readonly id: string;
  readonly repository: string;
  /** GitHub's environment name as sent (the review call must name it). */
  readonly environment: string;
  /** Null when nothing was mapped at request time (then it is rejected). */
  readonly launchId: string | null;
  readonly gateEnvironment: string | null;
  readonly installationId: number | null;
  readonly callbackUrl: string;
  readonly sha: string | null;
  readonly ref: string | null;
  readonly state: PendingState;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly progressPostedAt: string | null;
  readonly deliveredAt: string | null;
  /** The verdict's comment once delivered. */
  readonly comment: string | null;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
}

export type NewPendingDeployment = Pick<
  PendingDeployment,
  | 'id'
  | 'repository'
  | 'environment'
  | 'launchId'
  | 'gateEnvironment'
  | 'installationId'
  | 'callbackUrl'
  | 'sha'
  | 'ref'
  | 'createdAt'
  | 'expiresAt'
>;

interface PendingRow {
  readonly id: string;
  readonly repository: string;
  readonly environment: string;
  readonly launch_id: string | null;
  readonly gate_environment: string | null;
  readonly installation_id: string | null;
  readonly callback_url: string;
  readonly sha: string | null;
  readonly ref: string | null;
  readonly state: PendingState;
  readonly created_at: string;
  readonly expires_at: string;
  readonly progress_posted_at: string | null;
  readonly delivered_at: string | null;
  readonly comment: string | null;
  readonly attempts: number | string;
  readonly next_attempt_at: string | null;
  readonly last_error: string | null;
}

const fromRow = (row: PendingRow): PendingDeployment => ({
  id: row.id,
  repository: row.repository,
  environment: row.environment,
  launchId: row.launch_id,
  gateEnvironment: row.gate_environment,
  installationId: row.installation_id === null ? null : Number(row.installation_id),
  callbackUrl: row.callback_url,
  sha: row.sha,
  ref: row.ref,
  state: row.state,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  progressPostedAt: row.progress_posted_at,
  deliveredAt: row.delivered_at,
  comment: row.comment,
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
});

const MAX_ERROR = 1_000;

export class PendingDeployments {
  constructor(private readonly db: ReadModelDb) {}

  /**
   * Remembers a request. GitHub may deliver a webhook twice: the same callback URL and environment
   * is one request, so the second insert finds the first (`created: false`).
   */
  async insert(pending: NewPendingDeployment): Promise<{ pending: PendingDeployment; created: boolean }> {
    return this.db.transaction(async (sql) => {
      const inserted = await sql.execute(
        `INSERT INTO ${PENDING_TABLE} (id, repository, environment, launch_id, gate_environment, installation_id, ` +
          'callback_url, sha, ref, state, created_at, expires_at, attempts) ' +
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, 0) ON CONFLICT (callback_url, environment) DO NOTHING",
        [
          pending.id,
          pending.repository,
          pending.environment,
          pending.launchId,
          pending.gateEnvironment,
          pending.installationId === null ? null : String(pending.installationId),
          pending.callbackUrl,
          pending.sha,
          pending.ref,
          pending.createdAt,
          pending.expiresAt,
        ],
      );
      const rows = await sql.query<PendingRow>(
        `SELECT * FROM ${PENDING_TABLE} WHERE callback_url = ? AND environment = ?`,
        [pending.callbackUrl, pending.environment],
      );
      return { pending: fromRow(rows[0]), created: inserted > 0 };
    });
  }

  async get(id: string): Promise<PendingDeployment | null> {
    const rows = await this.db.read((sql) =>
      sql.query<PendingRow>(`SELECT * FROM ${PENDING_TABLE} WHERE id = ?`, [id]),
    );
    return rows.length > 0 ? fromRow(rows[0]) : null;
  }

  async all(): Promise<PendingDeployment[]> {
    const rows = await this.db.read((sql) =>
      sql.query<PendingRow>(`SELECT * FROM ${PENDING_TABLE} ORDER BY created_at, id`),
    );
    return rows.map(fromRow);
  }

  /** Ids still waiting for a verdict, of one launch or (no launch given) of all. */
  async undecidedIds(launchId?: string): Promise<string[]> {
    const rows = await this.db.read((sql) =>
      launchId === undefined
        ? sql.query<{ id: string }>(
            `SELECT id FROM ${PENDING_TABLE} WHERE state = 'PENDING' ORDER BY created_at, id`,
          )
        : sql.query<{ id: string }>(
            `SELECT id FROM ${PENDING_TABLE} WHERE state = 'PENDING' AND launch_id = ? ORDER BY created_at, id`,
            [launchId],
          ),
    );
    return rows.map((row) => row.id);
  }

  /**
   * Takes the right to talk to GitHub about this request until `leaseUntil`; false when it is decided
   * or another gateway instance holds it. Keeps two instances from posting the same verdict.
   */
  async claim(id: string, now: string, leaseUntil: string): Promise<boolean> {
    const claimed = await this.db.transaction((sql) =>
      sql.execute(
        `UPDATE ${PENDING_TABLE} SET lease_until = ? WHERE id = ? AND state = 'PENDING' ` +
          'AND (lease_until IS NULL OR lease_until < ?)',
        [leaseUntil, id, now],
      ),
    );
    return claimed > 0;
  }

  async release(id: string): Promise<void> {
    await this.db.transaction((sql) =>
      sql.execute(`UPDATE ${PENDING_TABLE} SET lease_until = NULL WHERE id = ?`, [id]),
    );
  }

  async markProgressPosted(id: string, at: string): Promise<void> {
    await this.db.transaction((sql) =>
      sql.execute(`UPDATE ${PENDING_TABLE} SET progress_posted_at = ?, last_error = NULL WHERE id = ?`, [
        at,
        id,
      ]),
    );
  }

  /** Records GitHub's acceptance of the verdict, once: false when it was recorded before. */
  async markDelivered(
    id: string,
    state: 'APPROVED' | 'REJECTED',
    comment: string,
    at: string,
  ): Promise<boolean> {
    const updated = await this.db.transaction((sql) =>
      sql.execute(
        `UPDATE ${PENDING_TABLE} SET state = ?, comment = ?, delivered_at = ?, lease_until = NULL, ` +
          "next_attempt_at = NULL, last_error = NULL WHERE id = ? AND state = 'PENDING'",
        [state, comment, at, id],
      ),
    );
    return updated > 0;
  }

  /** GitHub refused the call for good (e.g. the run was cancelled): stop trying. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.db.transaction((sql) =>
      sql.execute(
        `UPDATE ${PENDING_TABLE} SET state = 'FAILED', lease_until = NULL, next_attempt_at = NULL, last_error = ? ` +
          "WHERE id = ? AND state = 'PENDING'",
        [error.slice(0, MAX_ERROR), id],
      ),
    );
  }

  /** A call failed but may work later: count it and say when to try again. */
  async recordFailedAttempt(id: string, error: string, nextAttemptAt: string): Promise<number> {
    return this.db.transaction(async (sql) => {
      await sql.execute(
        `UPDATE ${PENDING_TABLE} SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, lease_until = NULL ` +
          'WHERE id = ?',
        [error.slice(0, MAX_ERROR), nextAttemptAt, id],
      );
      const rows = await sql.query<{ attempts: number | string }>(
        `SELECT attempts FROM ${PENDING_TABLE} WHERE id = ?`,
        [id],
      );
      return Number(rows[0]?.attempts ?? 0);
    });
  }
}
