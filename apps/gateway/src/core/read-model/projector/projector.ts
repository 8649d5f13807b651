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
import { READ_MODEL_LOCK_KEY } from '../store/schema';
import { LIVE_TABLES } from '../store/tables';
import { projectEnvelope, type ProjectedEnvelope } from './project-envelope';

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
}

/**
 * Consumes the three event topics and applies each envelope to the read model in one transaction.
 * After the commit it tells its listeners (pending mutations, subscriptions). A duplicate is told
 * too: with several instances on one database, another instance may have applied it first, and this
 * instance's waiters and subscribers still need to hear about it.
 */
export class Projector {
  private subscription: Subscription | null = null;
  private readonly listeners = new Set<ProjectionListener>();
  private readonly steps = new Set<ProjectionStep>();

  constructor(private readonly options: ProjectorOptions) {}

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
    const projected = await this.options.db.transaction(async (sql) => {
      // Shared with other projectors; the rebuild's switch-over takes it exclusively.
      if (sql.dialect === 'postgres')
        await sql.query('SELECT pg_advisory_xact_lock_shared(?)', [READ_MODEL_LOCK_KEY]);
      const applied = await projectEnvelope(sql, LIVE_TABLES, envelope, { record: true });
      if (applied.applied) for (const step of this.steps) await step(sql, applied);
      return applied;
    });
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
}
