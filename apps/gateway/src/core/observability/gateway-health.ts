import { ServiceHealth, type HealthReport, type HealthSource } from '@tminus/service-kit';
import type { Projector } from '../read-model/projector/projector';
import type { ReadModelDb } from '../read-model/store/database';
import { HEALTH_PROBE_TABLE } from '../read-model/store/tables';

/**
 * Ready means: the database answers reads (`database`) and takes writes (`writes`: a full disk or a
 * read-only file fails it), and the projector consumes (`projector`). service-kit's report shape, as in
 * the services.
 */
export class GatewayHealth implements HealthSource {
  private readonly checks: ServiceHealth;

  constructor(
    projector: Pick<Projector, 'running'>,
    private readonly db: Pick<ReadModelDb, 'ping' | 'transaction'>,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.checks = new ServiceHealth()
      .add('database', () => db.ping())
      .add('writes', () => this.canWrite())
      .add('projector', () => projector.running);
  }

  report(): Promise<HealthReport> {
    return this.checks.report();
  }

  /** Rewrites the probe row: the cheapest write that still needs the disk and the write lock. */
  private async canWrite(): Promise<boolean> {
    await this.db.transaction((sql) =>
      sql.execute(
        `INSERT INTO ${HEALTH_PROBE_TABLE} (id, checked_at) VALUES ('probe', ?) ` +
          'ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
        [this.clock().toISOString()],
      ),
    );
    return true;
  }
}
