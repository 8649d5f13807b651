import type { IncidentSource } from '@tminus/contracts';
import type { ReadModelDb, Sql } from '../../read-model/store/database';
import { tableExists } from '../../read-model/store/schema';

export const INCIDENT_SOURCES_TABLE = 'incident_source_mappings';

/** Which launch the incidents of a source's service feed. Gateway-local state, like the GitHub mappings. */
export interface IncidentSourceMapping {
  readonly id: string;
  readonly source: IncidentSource;
  /** PagerDuty service id, Alertmanager label matcher, or generic `service`, as given. */
  readonly match: string;
  readonly launchId: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

interface Row {
  readonly id: string;
  readonly source: string;
  readonly match: string;
  readonly launch_id: string;
  readonly created_at: string;
  readonly created_by: string;
}

const COLUMNS = 'id, source, match, launch_id, created_at, created_by';
const fromRow = (row: Row): IncidentSourceMapping => ({
  id: row.id,
  source: row.source as IncidentSource,
  match: row.match,
  launchId: row.launch_id,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

/**
 * The mappings table, next to the read model in the gateway's database (a rebuild of the read model
 * keeps it). One mapping per (source, match): mapping it again points it at another launch.
 */
export class IncidentSourceMappings {
  constructor(private readonly db: ReadModelDb) {}

  async ensureSchema(): Promise<void> {
    await this.db.transaction(async (sql) => {
      if (sql.dialect === 'postgres') await sql.query('SELECT pg_advisory_xact_lock(?)', [SCHEMA_LOCK_KEY]);
      if (await tableExists(sql, INCIDENT_SOURCES_TABLE)) return;
      await sql.execute(
        `CREATE TABLE ${INCIDENT_SOURCES_TABLE} (id text PRIMARY KEY, source text NOT NULL, match text NOT NULL, ` +
          'launch_id text NOT NULL, created_at text NOT NULL, created_by text NOT NULL)',
      );
      await sql.execute(
        `CREATE UNIQUE INDEX ux_${INCIDENT_SOURCES_TABLE}_match ON ${INCIDENT_SOURCES_TABLE} (source, match)`,
      );
    });
  }

  /** Inserts or re-points the (source, match) mapping; answers it as stored. */
  async put(mapping: IncidentSourceMapping): Promise<IncidentSourceMapping> {
    return this.db.transaction(async (sql) => {
      const existing = await this.byMatch(sql, mapping.source, mapping.match);
      if (existing) {
        await sql.execute(
          `UPDATE ${INCIDENT_SOURCES_TABLE} SET launch_id = ?, created_at = ?, created_by = ? WHERE id = ?`,
          [mapping.launchId, mapping.createdAt, mapping.createdBy, existing.id],
        );
        return { ...mapping, id: existing.id };
      }
      await sql.execute(`INSERT INTO ${INCIDENT_SOURCES_TABLE} (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`, [
        mapping.id,
        mapping.source,
        mapping.match,
        mapping.launchId,
        mapping.createdAt,
        mapping.createdBy,
      ]);
      return mapping;
    });
  }

  async remove(id: string): Promise<IncidentSourceMapping | null> {
    return this.db.transaction(async (sql) => {
      const rows = await sql.query<Row>(`SELECT ${COLUMNS} FROM ${INCIDENT_SOURCES_TABLE} WHERE id = ?`, [
        id,
      ]);
      if (rows.length === 0) return null;
      await sql.execute(`DELETE FROM ${INCIDENT_SOURCES_TABLE} WHERE id = ?`, [id]);
      return fromRow(rows[0]);
    });
  }

  /** Every mapping of `source` (or all), in a stable order: the first Alertmanager matcher that fits wins. */
  async list(source?: IncidentSource | null): Promise<IncidentSourceMapping[]> {
    const where = source ? 'WHERE source = ?' : '';
    const rows = await this.db.read((sql) =>
      sql.query<Row>(
        `SELECT ${COLUMNS} FROM ${INCIDENT_SOURCES_TABLE} ${where} ORDER BY source, match`,
        source ? [source] : [],
      ),
    );
    return rows.map(fromRow);
  }

  async find(source: IncidentSource, match: string): Promise<IncidentSourceMapping | null> {
    return this.db.read((sql) => this.byMatch(sql, source, match));
  }

  private async byMatch(sql: Sql, source: string, match: string): Promise<IncidentSourceMapping | null> {
    const rows = await sql.query<Row>(
      `SELECT ${COLUMNS} FROM ${INCIDENT_SOURCES_TABLE} WHERE source = ? AND match = ?`,
      [source, match],
    );
    return rows.length > 0 ? fromRow(rows[0]) : null;
  }
}

/** Arbitrary; distinct from the read model's and the GitHub tables' lock keys. */
const SCHEMA_LOCK_KEY = 7_310_442_913;
