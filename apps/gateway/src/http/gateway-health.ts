import type { Projector } from '../read-model/projector/projector';
import type { ReadModelDb } from '../read-model/store/database';

export interface HealthStatus {
  readonly ok: boolean;
  readonly projector: 'running' | 'stopped';
  readonly database: 'up' | 'down';
}

/** Ready means: the projector consumes and the database answers. */
export class GatewayHealth {
  constructor(
    private readonly projector: Pick<Projector, 'running'>,
    private readonly db: Pick<ReadModelDb, 'ping'>,
  ) {}

  async status(): Promise<HealthStatus> {
    const database = (await this.db.ping()) ? 'up' : 'down';
    const projector = this.projector.running ? 'running' : 'stopped';
    return { ok: database === 'up' && projector === 'running', projector, database };
  }
}
