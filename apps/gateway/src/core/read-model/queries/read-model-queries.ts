import type { EventEnvelope, LaunchStatus } from '@tminus/contracts';
import {
  launchAsOf,
  openItemsOwnedBy,
  type OwnedItem,
  type ChecklistItemView,
  type ChecklistView,
  type GateEvaluationView,
  type LaunchView,
  type TeamView,
  type TemplateView,
} from '../domain';
import type { ReadModelDb, Sql, SqlParam } from '../store/database';
import { Documents } from '../store/documents';
import { EventLog, type LoggedEvent } from '../store/event-log';
import { GateLastEvaluations, mergeLastEvaluations } from '../store/gate-last-evaluations';
import { LIVE_TABLES } from '../store/tables';
import type { LaunchSnapshot } from './launch-snapshot';

export interface LaunchPageQuery {
  readonly status?: LaunchStatus | null;
  readonly first: number;
  /** The last launch of the previous page: (createdAt, id). */
  readonly after?: { readonly createdAt: string; readonly id: string } | null;
}

export interface LaunchPage {
  readonly snapshots: readonly LaunchSnapshot[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

export interface ItemLocation {
  readonly checklist: ChecklistView;
  readonly item: ChecklistItemView;
}

export interface HistoryQuery {
  readonly first: number;
  readonly beforeSeq?: number;
  readonly occurredUpTo?: string;
}

/** References are tried as ids first (when they look like one), then as keys. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every read the gateway makes, on the live tables. The GraphQL resolvers, the REST gate and the
 * GitHub webhook (release-gate engineer) all read through here.
 */
export class ReadModelQueries {
  constructor(private readonly db: ReadModelDb) {}

  /** A launch by id or key, with its checklists and teams, from one consistent snapshot. */
  async launchSnapshot(idOrKey: string): Promise<LaunchSnapshot | null> {
    return this.db.snapshot(async (sql) => {
      const docs = new Documents(sql, LIVE_TABLES);
      const position = await new EventLog(sql).lastSeq();
      const launch = await findLaunch(docs, idOrKey);
      return launch === null ? null : snapshotOf(docs, launch, String(position));
    });
  }

  /** The last audited REST gate evaluation per environment (the audit log's, not the document's). */
  async lastGateAudits(launchId: string): Promise<GateEvaluationView[]> {
    return this.db.read((sql) => new GateLastEvaluations(sql).ofLaunch(launchId));
  }

  /**
   * A launch snapshot whose `lastGateEvaluations` include the REST gate audits (kept beside the audit
   * log, not in the launch document), for readers that list them (reports).
   */
  async launchSnapshotWithGateAudits(idOrKey: string): Promise<LaunchSnapshot | null> {
    const snapshot = await this.launchSnapshot(idOrKey);
    if (snapshot === null) return null;
    const audited = await this.lastGateAudits(snapshot.launch.id);
    if (audited.length === 0) return snapshot;
    const lastGateEvaluations = mergeLastEvaluations(snapshot.launch.lastGateEvaluations, audited);
    return { ...snapshot, launch: { ...snapshot.launch, lastGateEvaluations } };
  }

  async launch(idOrKey: string): Promise<LaunchView | null> {
    return this.db.read((sql) => findLaunch(new Documents(sql, LIVE_TABLES), idOrKey));
  }

  /** Launches in creation order (oldest first), so pages stay stable while launches are added. */
  async launchPage(query: LaunchPageQuery): Promise<LaunchPage> {
    return this.db.snapshot(async (sql) => {
      const position = String(await new EventLog(sql).lastSeq());
      const filters: string[] = [];
      const params: SqlParam[] = [];
      if (query.status) {
        filters.push('status = ?');
        params.push(query.status);
      }
      const totalCount = await countLaunches(sql, filters, params);
      if (query.after) {
        filters.push('(created_at > ? OR (created_at = ? AND id > ?))');
        params.push(query.after.createdAt, query.after.createdAt, query.after.id);
      }
      const where = filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : '';
      const rows = await sql.query<{ doc: string }>(
        `SELECT doc FROM ${LIVE_TABLES.launches} ${where} ORDER BY created_at, id LIMIT ?`,
        [...params, query.first + 1],
      );
      const launches = rows.map((row) => JSON.parse(row.doc) as LaunchView);
      const page = launches.slice(0, query.first);
      const docs = new Documents(sql, LIVE_TABLES);
      const snapshots = await snapshotsOf(docs, page, position);
      return { snapshots, hasNextPage: launches.length > query.first, totalCount };
    });
  }

  /**
   * A launch as it was at `at`, or at read-model position `upToSeq` (what a gate decision reports),
   * replayed from the stored events; null if it did not exist then. With a position only, the moment is
   * that of the last event at or before it.
   */
  async launchAsOf(
    idOrKey: string,
    cut: Date | { at?: Date; upToSeq: number },
  ): Promise<LaunchSnapshot | null> {
    return this.db.snapshot(async (sql) => {
      const launch = await findLaunch(new Documents(sql, LIVE_TABLES), idOrKey);
      if (launch === null) return null;
      const all = await eventsOfLaunch(new EventLog(sql), launch.id);
      const upToSeq = cut instanceof Date ? Number.MAX_SAFE_INTEGER : cut.upToSeq;
      const events = all.filter(({ seq }) => seq <= upToSeq);
      const at = cut instanceof Date ? cut : (cut.at ?? lastOccurrence(events));
      const replayed = launchAsOf(
        launch.id,
        events.map((event) => event.envelope),
        at,
      );
      if (replayed === null) return null;
      const position = lastSeqUpTo(events, at);
      return {
        launch: replayed.launch,
        checklists: replayed.checklists,
        teams: replayed.teams,
        position: String(position),
        asOf: replayed.at,
      };
    });
  }

  /** Every event a launch's state depends on (its own, its checklists', its teams'), for replays. */
  async launchEvents(launchId: string): Promise<EventEnvelope[]> {
    const events = await this.db.snapshot((sql) => eventsOfLaunch(new EventLog(sql), launchId));
    return events.map(({ envelope }) => envelope);
  }

  async history(
    launchId: string,
    query: HistoryQuery,
  ): Promise<{ events: LoggedEvent[]; hasNextPage: boolean }> {
    const events = await this.db.read((sql) =>
      new EventLog(sql).history({
        launchId,
        beforeSeq: query.beforeSeq,
        occurredUpTo: query.occurredUpTo,
        limit: query.first + 1,
      }),
    );
    return { events: events.slice(0, query.first), hasNextPage: events.length > query.first };
  }

  async team(idOrKey: string): Promise<TeamView | null> {
    return this.db.read(async (sql) => {
      const docs = new Documents(sql, LIVE_TABLES);
      return (UUID.test(idOrKey) ? await docs.team(idOrKey) : null) ?? docs.teamByKey(idOrKey);
    });
  }

  async teams(): Promise<TeamView[]> {
    return this.db.read((sql) => new Documents(sql, LIVE_TABLES).allTeams());
  }

  async templates(): Promise<TemplateView[]> {
    return this.db.read((sql) => new Documents(sql, LIVE_TABLES).allTemplates());
  }

  async template(id: string): Promise<TemplateView | null> {
    return this.db.read((sql) => new Documents(sql, LIVE_TABLES).template(id));
  }

  async checklist(id: string): Promise<ChecklistView | null> {
    return this.db.read((sql) => new Documents(sql, LIVE_TABLES).checklist(id));
  }

  /** The open items `userId` owns, soonest due first. */
  async openItemsOwnedBy(userId: string): Promise<OwnedItem[]> {
    return this.db.read(async (sql) =>
      openItemsOwnedBy(await new Documents(sql, LIVE_TABLES).checklistsMentioningOwner(userId), userId),
    );
  }

  /** The checklist an item belongs to, and the item in it. */
  async itemLocation(itemId: string): Promise<ItemLocation | null> {
    return this.db.read(async (sql) => {
      const docs = new Documents(sql, LIVE_TABLES);
      const checklistId = await docs.checklistIdOfItem(itemId);
      const checklist = checklistId === null ? null : await docs.checklist(checklistId);
      const item = checklist?.items.find((candidate) => candidate.id === itemId);
      return checklist && item ? { checklist, item } : null;
    });
  }

  async launchOfIncident(incidentId: string): Promise<LaunchView | null> {
    return this.db.read(async (sql) => {
      const docs = new Documents(sql, LIVE_TABLES);
      const launchId = await docs.launchIdOfIncident(incidentId);
      return launchId === null ? null : docs.launch(launchId);
    });
  }

  /** The read model's position: the sequence of the last event it received. */
  async position(): Promise<string> {
    return String(await this.db.read((sql) => new EventLog(sql).lastSeq()));
  }
}

async function findLaunch(docs: Documents, idOrKey: string): Promise<LaunchView | null> {
  return (UUID.test(idOrKey) ? await docs.launch(idOrKey) : null) ?? docs.launchByKey(idOrKey);
}

async function snapshotOf(docs: Documents, launch: LaunchView, position: string): Promise<LaunchSnapshot> {
  const checklists = await docs.checklistsOfLaunch(launch.id);
  const teams = await docs.teamsByIds(launch.requiredTeamIds);
  return { launch, checklists, teams, position };
}

async function snapshotsOf(
  docs: Documents,
  launches: readonly LaunchView[],
  position: string,
): Promise<LaunchSnapshot[]> {
  const snapshots: LaunchSnapshot[] = [];
  // One at a time: a single connection (SQLite, or a PostgreSQL transaction) runs one statement at once.
  for (const launch of launches) snapshots.push(await snapshotOf(docs, launch, position));
  return snapshots;
}

async function countLaunches(
  sql: Sql,
  filters: readonly string[],
  params: readonly SqlParam[],
): Promise<number> {
  const where = filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : '';
  const rows = await sql.query<{ total: number | string }>(
    `SELECT COUNT(*) AS total FROM ${LIVE_TABLES.launches} ${where}`,
    params,
  );
  return Number(rows[0]?.total ?? 0);
}

async function eventsOfLaunch(log: EventLog, launchId: string): Promise<LoggedEvent[]> {
  const own = await log.ofLaunch(launchId);
  const teamIds = [...new Set(own.flatMap(({ envelope }) => teamIdOf(envelope.type, envelope.data)))];
  return [...own, ...(await log.ofStreams(teamIds))];
}

/** Team ids named by a launch's TeamRequired events (their streams are replayed for `launchAsOf`). */
function teamIdOf(type: string, data: unknown): string[] {
  if (type !== 'TeamRequired' || typeof data !== 'object' || data === null) return [];
  const teamId = (data as { teamId?: unknown }).teamId;
  return typeof teamId === 'string' ? [teamId] : [];
}

const lastOccurrence = (events: readonly LoggedEvent[]): Date =>
  new Date(events.reduce((last, { envelope }) => Math.max(last, Date.parse(envelope.occurredAt)), 0));

const lastSeqUpTo = (events: readonly LoggedEvent[], at: Date): number =>
  events
    .filter(({ envelope }) => Date.parse(envelope.occurredAt) <= at.getTime())
    .reduce((last, { seq }) => Math.max(last, seq), 0);
