import { newId, type Actor, type EventEnvelope } from '@tminus/contracts';
import type { ReadModelDb } from '../store/database';
import { EventLog, type AuditedEvent } from '../store/event-log';

/** A change the gateway makes itself (tokens, GitHub mappings): no service writes an event for it. */
export interface GatewayChange {
  /** The audit type name, e.g. `ApiTokenCreated`. */
  readonly type: string;
  /** What changed (a token id, a mapping id). */
  readonly subjectId: string;
  readonly actor: Actor;
  readonly summary: string;
  readonly data?: Record<string, unknown>;
  readonly launchId?: string | null;
}

export interface AuditQuery {
  readonly beforeSeq?: number;
  readonly launchId?: string | null;
  readonly actor?: string | null;
  readonly limit: number;
}

const GATEWAY_SOURCE = 'tminus.gateway';

/**
 * The audit log is the read model's event log: every event of the services (team membership,
 * templates, launches, checklists, gate checks) and the gateway's own changes, recorded here as
 * envelopes at stream position 0 (markers: a rebuild replays them without touching any document).
 */
export class AuditTrail {
  constructor(
    private readonly db: ReadModelDb,
    private readonly now: () => Date,
  ) {}

  async record(change: GatewayChange): Promise<void> {
    const envelope: EventEnvelope = {
      id: newId(),
      type: change.type,
      schemaVersion: 1,
      source: GATEWAY_SOURCE,
      streamId: change.subjectId,
      streamPosition: 0,
      occurredAt: this.now().toISOString(),
      correlationId: newId(),
      causationId: newId(),
      actor: change.actor,
      data: { ...change.data, summary: change.summary },
    };
    await this.db.transaction((sql) => new EventLog(sql).append(envelope, change.launchId ?? null));
  }

  /** Newest first; `actor` matches the envelope's actor exactly. */
  async page(query: AuditQuery): Promise<AuditedEvent[]> {
    return this.db.read((sql) => new EventLog(sql).audit(query));
  }
}
