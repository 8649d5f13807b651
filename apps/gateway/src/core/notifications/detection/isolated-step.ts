import type { Logger } from 'pino';
import type { ProjectedEnvelope } from '../../read-model/projector/project-envelope';
import type { ProjectionStep } from '../../read-model/projector/projector';
import type { Sql } from '../../read-model/store/database';
import { markDeferred, restoreDeferred } from '../../read-model/store/deferred-writes';

/**
 * Runs a step inside a savepoint of the projection's transaction: if notifying fails, its writes are
 * undone and logged, and the projection still commits. A notifications bug must never stall the read
 * model or send its events to the dead-letter topic.
 */
export function isolatedStep(
  step: (sql: Sql, projected: ProjectedEnvelope) => Promise<number>,
  logger: Logger,
  onQueued: () => void = () => undefined,
  onError: () => void = () => undefined,
): ProjectionStep {
  return async (sql, projected) => {
    await sql.execute('SAVEPOINT tminus_notify');
    // Writes the transaction defers (the notified state) are undone with the savepoint too.
    const mark = markDeferred(sql);
    try {
      const queued = await step(sql, projected);
      await sql.execute('RELEASE SAVEPOINT tminus_notify');
      if (queued > 0) onQueued();
    } catch (error) {
      await sql.execute('ROLLBACK TO SAVEPOINT tminus_notify');
      await sql.execute('RELEASE SAVEPOINT tminus_notify');
      restoreDeferred(sql, mark);
      onError();
      logger.error(
        { err: error, eventId: projected.envelope.id },
        'notification detection failed; event projected without notifications',
      );
    }
  };
}
