import type { ReadModelDb } from '../read-model/store/database';
import { MAPPINGS_TABLE } from './github-schema';

/** Which launch's gate answers a GitHub environment's protection rule. */
export interface EnvironmentMapping {
  /** `owner/name`, lower-cased: GitHub names are case-insensitive. */
  readonly repository: string;
  /** The GitHub environment's name, lower-cased (the lookup key). */
  readonly environment: string;
  /** The name as it was given (shown back to people). */
  readonly environmentName: string;
  readonly launchId: string;
  /** The tminus environment whose gate is asked (usually the same name). */
  readonly gateEnvironment: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

interface MappingRow {
  readonly repository: string;
  readonly environment: string;
  readonly environment_name: string;
  readonly launch_id: string;
  readonly gate_environment: string;
  readonly created_at: string;
  readonly created_by: string;
}

const COLUMNS =
  'repository, environment, environment_name, launch_id, gate_environment, created_at, created_by';

const fromRow = (row: MappingRow): EnvironmentMapping => ({
  repository: row.repository,
  environment: row.environment,
  environmentName: row.environment_name,
  launchId: row.launch_id,
  gateEnvironment: row.gate_environment,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

export const mappingKey = (repository: string, environment: string) => ({
  repository: repository.trim().toLowerCase(),
  environment: environment.trim().toLowerCase(),
});

export class EnvironmentMappings {
  constructor(private readonly db: ReadModelDb) {}

  async find(repository: string, environment: string): Promise<EnvironmentMapping | null> {
    const key = mappingKey(repository, environment);
    const rows = await this.db.read((sql) =>
      sql.query<MappingRow>(
        `SELECT ${COLUMNS} FROM ${MAPPINGS_TABLE} WHERE repository = ? AND environment = ?`,
        [key.repository, key.environment],
      ),
    );
    return rows.length > 0 ? fromRow(rows[0]) : null;
  }

  async list(
    filter: { repository?: string | null; launchId?: string | null } = {},
  ): Promise<EnvironmentMapping[]> {
    const conditions: string[] = [];
    const params: string[] = [];
    if (filter.repository) {
      conditions.push('repository = ?');
      params.push(filter.repository.trim().toLowerCase());
    }
    if (filter.launchId) {
      conditions.push('launch_id = ?');
      params.push(filter.launchId);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = await this.db.read((sql) =>
      sql.query<MappingRow>(
        `SELECT ${COLUMNS} FROM ${MAPPINGS_TABLE} ${where} ORDER BY repository, environment`,
        params,
      ),
    );
    return rows.map(fromRow);
  }

  /** Creates or replaces the mapping of (repository, environment). */
  async put(mapping: EnvironmentMapping): Promise<EnvironmentMapping> {
    await this.db.transaction((sql) =>
      sql.execute(
        `INSERT INTO ${MAPPINGS_TABLE} (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (repository, environment) ` +
          'DO UPDATE SET environment_name = excluded.environment_name, launch_id = excluded.launch_id, ' +
          'gate_environment = excluded.gate_environment, created_at = excluded.created_at, created_by = excluded.created_by',
        [
          mapping.repository,
          mapping.environment,
          mapping.environmentName,
          mapping.launchId,
          mapping.gateEnvironment,
          mapping.createdAt,
          mapping.createdBy,
        ],
      ),
    );
    return mapping;
  }

  /** True when there was a mapping to remove. */
  async remove(repository: string, environment: string): Promise<boolean> {
    const key = mappingKey(repository, environment);
    const removed = await this.db.transaction((sql) =>
      sql.execute(`DELETE FROM ${MAPPINGS_TABLE} WHERE repository = ? AND environment = ?`, [
        key.repository,
        key.environment,
      ]),
    );
    return removed > 0;
  }
}
