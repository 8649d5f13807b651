import type { Projector } from '../read-model/projector/projector';
import type { ReadModelDb } from '../read-model/store/database';
import { HEALTH_PROBE_TABLE } from '../read-model/store/tables';

export interface HealthStatus {
  readonly ok: boolean;
  readonly projector: 'running' | 'stopped';
  readonly database: 'up' | 'down';
  /** Whether a write to the read-model database goes through (a full disk, a read-only file: failing). */
  readonly writes: 'ok' | 'failing';
}

/** Ready means: the projector consumes, and the database answers reads and takes writes. */
export class GatewayHealth {
  constructor(
    private readonly projector: Pick<Projector, 'running'>,
    private readonly db: Pick<ReadModelDb, 'ping' | 'transaction'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async status(): Promise<HealthStatus> {
    const database = (await this.db.ping()) ? 'up' : 'down';
    const writes = database === 'up' && (await this.canWrite()) ? 'ok' : 'failing';
    const projector = this.projector.running ? 'running' : 'stopped';
    return { ok: writes === 'ok' && projector === 'running', projector, database, writes };
  }

  /** Rewrites the probe row: the cheapest write that still needs the disk and the write lock. */
  private async canWrite(): Promise<boolean> {
    try {
      await this.db.transaction((sql) =>
        sql.execute(
          `INSERT INTO ${HEALTH_PROBE_TABLE} (id, checked_at) VALUES ('probe', ?) ` +
            'ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
          [this.clock().toISOString()],
        ),
      );
      return true;
    } catch {
      return false;
    }
  }
}
