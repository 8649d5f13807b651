import { Topics, type EventEnvelope } from '@tminus/contracts';
import { inSpan, SpanKind } from '@tminus/tracing';
import {
  decodeEventEnvelope,
  subscribeReliably,
  type MessageBus,
  type Subscription,
} from '@tminus/messaging';
import type { Logger } from 'pino';
import type { ReadModelDb, Sql } from '../store/database';
import type { DocumentVersion } from '../store/document-versions';
import { withDeferredWrites } from '../store/deferred-writes';
import { READ_MODEL_LOCK_KEY } from '../store/schema';
import { StreamPositions } from '../store/stream-positions';
import { LIVE_TABLES } from '../store/tables';
import { GroupCommit } from './group-commit';
import { projectEnvelope, type ProjectedEnvelope } from './project-envelope';

/**
 * PostgreSQL: locks the batch's stream positions, in sorted order, before applying anything (two
 * statements for the whole batch), so two gateway instances applying overlapping batches wait for
 * each other instead of deadlocking (a deadlock would still be safe, the batch is retried one by one,
 * but it costs a second). The envelopes then check against these versions instead of re-reading them.
 */
async function lockInOneOrder(
  sql: Sql,
  envelopes: readonly EventEnvelope[],
): Promise<Map<string, DocumentVersion> | undefined> {
  if (sql.dialect !== 'postgres') return undefined;
  const positions = new StreamPositions(sql, LIVE_TABLES.positions);
  return positions.lockAll(envelopes.filter((e) => e.streamPosition > 0).map((e) => e.streamId));
}

/** The event topics the gateway projects (one per service). */
export const PROJECTED_TOPICS: readonly string[] = [
  Topics.launchesEvents,
  Topics.teamsEvents,
  Topics.checklistsEvents,
];

/**
 * Work that must commit with the projection (the notifications' outbox): runs in the projector's
 * transaction, only for envelopes applied now (never for redeliveries).
 */
export type ProjectionStep = (sql: Sql, projected: ProjectedEnvelope) => Promise<unknown>;

/** Told after each envelope's transaction committed (or it was found applied already). */
export type ProjectionListener = (projected: ProjectedEnvelope) => void;

export interface ProjectorOptions {
  readonly db: ReadModelDb;
  readonly bus: MessageBus;
  /** `gateway-<instance id>`: each instance reads every event, to notify its own waiters and subscribers. */
  readonly groupId: string;
  readonly logger: Logger;
  /** Attempts before a failing envelope goes to the dead-letter topic (default 5). */
  readonly maxAttempts?: number;
  readonly onProjected?: (projected: ProjectedEnvelope, durationMs: number) => void;
  /** The most envelopes committed in one transaction (default 256). */
  readonly maxBatch?: number;
}

/**
 * Consumes the three event topics and applies the envelopes to the read model, those that arrive
 * together (one per busy partition) in one transaction (group commit; an envelope whose batch fails
 * is applied alone). After the commit it tells its listeners (pending mutations, subscriptions), in
 * the order the envelopes arrived. A duplicate is told too: with several instances on one database,
 * another instance may have applied it first, and this instance's waiters and subscribers still need
 * to hear about it.
 */
export class Projector {
  private subscription: Subscription | null = null;
  private readonly listeners = new Set<ProjectionListener>();
  private readonly steps = new Set<ProjectionStep>();
  private readonly commits: GroupCommit<EventEnvelope, ProjectedEnvelope>;

  constructor(private readonly options: ProjectorOptions) {
    this.commits = new GroupCommit({
      commitBatch: (envelopes) => this.applyInOneTransaction(envelopes),
      commitOne: (envelope) => this.applyInOneTransaction([envelope]).then(([projected]) => projected),
      maxBatch: options.maxBatch,
    });
  }

  get running(): boolean {
    return this.subscription !== null;
  }

  onProjected(listener: ProjectionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds work to every projection transaction (add it before `start`, or events go by without it). */
  addTransactionStep(step: ProjectionStep): () => void {
    this.steps.add(step);
    return () => this.steps.delete(step);
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    const { bus, groupId, logger } = this.options;
    this.subscription = await subscribeReliably(bus, {
      groupId,
      topics: PROJECTED_TOPICS,
      fromBeginning: true,
      maxAttempts: this.options.maxAttempts ?? 5,
      logger,
      handle: async (message) => {
        await this.project(decodeEventEnvelope(message));
      },
      // What the bus fetched of one partition, submitted at once: one transaction for all of it (the
      // group commit). Settled before answering, so a failure hands the bus a quiet partition to
      // redeliver one by one through `handle` (the envelopes applied meanwhile are skipped by position).
      handleBatch: async (messages) => {
        const envelopes = messages.map((message) => decodeEventEnvelope(message));
        const outcomes = await Promise.allSettled(envelopes.map((envelope) => this.project(envelope)));
        const failed = outcomes.find((outcome) => outcome.status === 'rejected');
        if (failed) throw failed.reason;
      },
    });
    logger.info({ groupId, topics: PROJECTED_TOPICS }, 'projector started');
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
  }

  /**
   * Applies one envelope (public for tests and tools that feed envelopes directly), in a span that
   * continues the trace the event carries; the listeners (pending mutations, subscription pushes) run in it.
   */
  project(envelope: EventEnvelope): Promise<ProjectedEnvelope> {
    return inSpan(
      `project ${envelope.type}`,
      {
        traceparent: envelope.traceparent,
        kind: SpanKind.CONSUMER,
        attributes: { 'tminus.event_id': envelope.id, 'tminus.stream_id': envelope.streamId },
      },
      () => this.projectNow(envelope),
    );
  }

  private async projectNow(envelope: EventEnvelope): Promise<ProjectedEnvelope> {
    const started = performance.now();
    const projected = await this.commits.submit(envelope);
    // Here, not in the batch: each envelope's listeners run in its own trace span, in arrival order.
    this.options.onProjected?.(projected, performance.now() - started);
    for (const listener of this.listeners) {
      try {
        listener(projected);
      } catch (error) {
        this.options.logger.error({ err: error, eventId: envelope.id }, 'projection listener failed');
      }
    }
    return projected;
  }

  /**
   * Applies envelopes in order in one transaction: each one's position check, document, log entry and
   * transaction steps (notifications) commit together, so an envelope is applied exactly once even
   * when the process dies mid-batch (nothing of the batch is kept) or a batch is retried one by one.
   */
  private applyInOneTransaction(envelopes: readonly EventEnvelope[]): Promise<ProjectedEnvelope[]> {
    return this.options.db.transaction(async (sql) => {
      // Shared with other projectors; the rebuild's switch-over takes it exclusively.
      if (sql.dialect === 'postgres')
        await sql.query('SELECT pg_advisory_xact_lock_shared(?)', [READ_MODEL_LOCK_KEY]);
      const locked = await lockInOneOrder(sql, envelopes);
      // A checklist ticked several times in the batch is stored once, before the commit.
      return withDeferredWrites(sql, async () => {
        const results: ProjectedEnvelope[] = [];
        for (const envelope of envelopes) {
          const applied = await projectEnvelope(sql, LIVE_TABLES, envelope, { record: true, locked });
          if (applied.applied) for (const step of this.steps) await step(sql, applied);
          results.push(applied);
        }
        return results;
      });
    });
  }
}
