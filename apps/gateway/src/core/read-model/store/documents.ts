import type { ChecklistView, LaunchView, TeamView, TemplateView } from '../domain/views';
import { checklistText } from './checklist-text';
import type { Sql } from './database';
import { deferWrite, deferring, dropDeferred, storeDeferred } from './deferred-writes';
import { documentVersions, type DocumentVersion } from './document-versions';
import { deepFreeze, parsedDocuments } from './parsed-documents';
import type { ProjectionTables } from './tables';

interface DocRow {
  readonly doc: string;
}

/** A row with its id: parsed through the process's cache of parsed documents. */
interface IdDocRow extends DocRow {
  readonly id: string;
}

/** A checklist's id with its stream's position row (null columns: no row yet). */
interface VersionRow {
  readonly id: string;
  readonly position: number | string | null;
  readonly tag: string | null;
}

const versionOf = (row: VersionRow): DocumentVersion => ({
  position: Number(row.position ?? 0),
  tag: row.tag,
});

const parse = <View>(rows: readonly DocRow[]): View[] => rows.map((row) => JSON.parse(row.doc) as View);
const first = <View>(rows: readonly DocRow[]): View | null => parse<View>(rows)[0] ?? null;

/** A checklist document as an earlier version stored it: one sign-off or none. */
type StoredChecklist = ChecklistView & { readonly signedOff?: { by: string; at: string } | null };

/**
 * Documents written before N-of-M sign-off have `signedOff` instead of `signOffs`: read them as the
 * current shape (the document is rewritten in it on its next event), so no rebuild is needed.
 */
const currentChecklist = (stored: StoredChecklist): ChecklistView => {
  if (Array.isArray(stored.signOffs)) return stored;
  const { signedOff, ...rest } = stored;
  return { ...rest, signOffs: signedOff ? [signedOff] : [], signOffsRequired: stored.signOffsRequired ?? 1 };
};

/**
 * A LIKE pattern (used with ESCAPE '\\') for documents whose stored JSON holds `fields` as
 * JSON.stringify writes them: a cheap narrowing step, callers still check the match exactly.
 */
export const jsonLikePattern = (fields: Record<string, string>): string =>
  `%${JSON.stringify(fields)
    .slice(1, -1)
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Placeholders for an IN list (`?, ?, ?`); callers never pass an empty list. */
/** Index rows per multi-row insert: well inside both dialects' limits on parameters per statement. */
const ITEM_ROWS_PER_STATEMENT = 250;

/** About what a checklist's JSON text takes (≈200 characters per item): its weight in the caches. */
const estimatedTextLength = (view: ChecklistView): number => 300 + 200 * view.items.length;

export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

const deferredKey = (table: string, id: string): string => `${table}\u0000${id}`;

async function storeChecklistDocument(sql: Sql, table: string, view: ChecklistView): Promise<void> {
  const text = checklistText(view);
  await sql.execute(
    `INSERT INTO ${table} (id, launch_id, team_id, doc) VALUES (?, ?, ?, ?) ` +
      'ON CONFLICT (id) DO UPDATE SET launch_id = excluded.launch_id, team_id = excluded.team_id, doc = excluded.doc',
    [view.id, view.launchId, view.teamId, text],
  );
  parsedDocuments.remember(table, view.id, text, view);
}

/**
 * Reads and writes the read model's documents in one set of projection tables (live or `_next`).
 * Every method runs on the given connection, so writes join the caller's transaction.
 */
export class Documents {
  constructor(
    private readonly sql: Sql,
    readonly tables: ProjectionTables,
  ) {}

  async launch(id: string): Promise<LaunchView | null> {
    const rows = await this.sql.query<IdDocRow>(`SELECT id, doc FROM ${this.tables.launches} WHERE id = ?`, [
      id,
    ]);
    return this.cachedFirst(this.tables.launches, rows);
  }

  async launchByKey(key: string): Promise<LaunchView | null> {
    const rows = await this.sql.query<IdDocRow>(
      `SELECT id, doc FROM ${this.tables.launches} WHERE key = ? ORDER BY created_at, id LIMIT 1`,
      [key],
    );
    return this.cachedFirst(this.tables.launches, rows);
  }

  /** The first row's document through the process's cache of parsed documents (see ParsedDocuments). */
  private cachedFirst<View>(table: string, rows: readonly IdDocRow[]): View | null {
    return rows.length === 0 ? null : parsedDocuments.parse<View>(table, rows[0].id, rows[0].doc);
  }

  /** `previous`: the document before this write, so only new incidents get an index row. */
  async putLaunch(view: LaunchView, previous: LaunchView | null = null): Promise<void> {
    await this.sql.execute(
      `INSERT INTO ${this.tables.launches} (id, key, status, target_date, created_at, doc) VALUES (?, ?, ?, ?, ?, ?) ` +
        'ON CONFLICT (id) DO UPDATE SET key = excluded.key, status = excluded.status, ' +
        'target_date = excluded.target_date, created_at = excluded.created_at, doc = excluded.doc',
      [view.id, view.key, view.status, view.targetDate, view.createdAt, JSON.stringify(view)],
    );
    const known = new Set(previous?.incidents.map((incident) => incident.id));
    for (const incident of view.incidents.filter(({ id }) => !known.has(id))) {
      await this.sql.execute(
        `INSERT INTO ${this.tables.incidents} (incident_id, launch_id) VALUES (?, ?) ON CONFLICT (incident_id) DO NOTHING`,
        [incident.id, view.id],
      );
    }
  }

  async checklist(id: string): Promise<ChecklistView | null> {
    return (await this.checklistsWhere('c.id = ?', [id]))[0] ?? null;
  }

  async checklistsOfLaunch(launchId: string): Promise<ChecklistView[]> {
    return this.checklistsWhere('c.launch_id = ?', [launchId]);
  }

  /** The checklist at this version of its stream, if this process holds it (see DocumentVersions). */
  cachedChecklist(id: string, version: DocumentVersion): ChecklistView | null {
    return documentVersions.get<ChecklistView>(this.tables.checklists, id, version);
  }

  /** After the transaction wrote `view` and set its stream's position to `version`. */
  rememberChecklist(view: ChecklistView, version: DocumentVersion): void {
    documentVersions.remember(this.tables.checklists, view.id, version, view, estimatedTextLength(view));
  }

  /**
   * Checklists by id order: first their versions only (no document text), then the text of those this
   * process does not hold at that version, read with their versions in one statement.
   */
  private async checklistsWhere(condition: string, params: readonly string[]): Promise<ChecklistView[]> {
    const { checklists, positions } = this.tables;
    const from = `FROM ${checklists} c LEFT JOIN ${positions} p ON p.stream_id = c.id`;
    const versions = await this.sql.query<VersionRow>(
      `SELECT c.id, p.position, p.tag ${from} WHERE ${condition} ORDER BY c.id`,
      params,
    );
    const found = new Map<string, ChecklistView>();
    const missing: string[] = [];
    for (const row of versions) {
      const cached = this.cachedChecklist(row.id, versionOf(row));
      if (cached === null) missing.push(row.id);
      else found.set(row.id, cached);
    }
    if (missing.length > 0) {
      await storeDeferred(this.sql);
      const rows = await this.sql.query<IdDocRow & VersionRow>(
        `SELECT c.id, c.doc, p.position, p.tag ${from} WHERE c.id IN (${placeholders(missing.length)})`,
        missing,
      );
      for (const row of rows) {
        const view = this.parsedChecklist(row);
        this.rememberChecklist(view, versionOf(row));
        found.set(row.id, view);
      }
    }
    // A row gone between the two statements (another connection deleted it) is simply not there.
    return versions.flatMap((row) => found.get(row.id) ?? []);
  }

  private parsedChecklist(row: IdDocRow): ChecklistView {
    return currentChecklist(parsedDocuments.parse<StoredChecklist>(this.tables.checklists, row.id, row.doc));
  }

  /**
   * Checklists that may hold items `userId` owns: the stored JSON names the owner as written by
   * JSON.stringify, so a LIKE narrows the scan; callers still check each item.
   */
  async checklistsMentioningOwner(userId: string): Promise<ChecklistView[]> {
    const pattern = jsonLikePattern({ ownerUserId: userId });
    await storeDeferred(this.sql);
    const rows = await this.sql.query<DocRow>(
      `SELECT doc FROM ${this.tables.checklists} WHERE doc LIKE ? ESCAPE '\\' ORDER BY id`,
      [pattern],
    );
    return parse<StoredChecklist>(rows).map(currentChecklist);
  }

  /**
   * `previous`: the document before this write, so only new items get an index row. Inside a projector
   * transaction (see deferred-writes.ts) a change to an existing row's document is stored once,
   * before the commit; a new row, or one whose launch or team changes, is stored at once, since
   * statements select checklists by those columns.
   */
  async putChecklist(view: ChecklistView, previous: ChecklistView | null = null): Promise<void> {
    const table = this.tables.checklists;
    if (
      previous !== null &&
      previous.launchId === view.launchId &&
      previous.teamId === view.teamId &&
      deferring(this.sql)
    ) {
      // Frozen now, as the parsed-documents cache would: DocumentVersions shares it with readers.
      const frozen = deepFreeze(view);
      deferWrite(this.sql, deferredKey(table, view.id), frozen, (sql) =>
        storeChecklistDocument(sql, table, frozen),
      );
    } else {
      dropDeferred(this.sql, deferredKey(table, view.id));
      await storeChecklistDocument(this.sql, table, view);
    }
    const known = new Set(previous?.items.map((item) => item.id));
    const added = view.items.filter(({ id }) => !known.has(id));
    // One statement per chunk of rows, not one round trip per item (an opened checklist has hundreds).
    for (let start = 0; start < added.length; start += ITEM_ROWS_PER_STATEMENT) {
      const chunk = added.slice(start, start + ITEM_ROWS_PER_STATEMENT);
      await this.sql.execute(
        `INSERT INTO ${this.tables.checklistItems} (item_id, checklist_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')} ` +
          'ON CONFLICT (item_id) DO NOTHING',
        chunk.flatMap((item) => [item.id, view.id]),
      );
    }
  }

  async checklistIdOfItem(itemId: string): Promise<string | null> {
    const rows = await this.sql.query<{ checklist_id: string }>(
      `SELECT checklist_id FROM ${this.tables.checklistItems} WHERE item_id = ?`,
      [itemId],
    );
    return rows[0]?.checklist_id ?? null;
  }

  async launchIdOfIncident(incidentId: string): Promise<string | null> {
    const rows = await this.sql.query<{ launch_id: string }>(
      `SELECT launch_id FROM ${this.tables.incidents} WHERE incident_id = ?`,
      [incidentId],
    );
    return rows[0]?.launch_id ?? null;
  }

  async team(id: string): Promise<TeamView | null> {
    const rows = await this.sql.query<IdDocRow>(`SELECT id, doc FROM ${this.tables.teams} WHERE id = ?`, [
      id,
    ]);
    return this.cachedFirst(this.tables.teams, rows);
  }

  async teamByKey(key: string): Promise<TeamView | null> {
    const rows = await this.sql.query<DocRow>(
      `SELECT doc FROM ${this.tables.teams} WHERE key = ? ORDER BY id LIMIT 1`,
      [key],
    );
    return first(rows);
  }

  async teamsByIds(ids: readonly string[]): Promise<TeamView[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<IdDocRow>(
      `SELECT id, doc FROM ${this.tables.teams} WHERE id IN (${placeholders(ids.length)})`,
      ids,
    );
    return rows.map((row) => parsedDocuments.parse<TeamView>(this.tables.teams, row.id, row.doc));
  }

  async allTeams(): Promise<TeamView[]> {
    return parse(await this.sql.query<DocRow>(`SELECT doc FROM ${this.tables.teams} ORDER BY key, id`));
  }

  async putTeam(view: TeamView): Promise<void> {
    await this.sql.execute(
      `INSERT INTO ${this.tables.teams} (id, key, doc) VALUES (?, ?, ?) ` +
        'ON CONFLICT (id) DO UPDATE SET key = excluded.key, doc = excluded.doc',
      [view.id, view.key, JSON.stringify(view)],
    );
  }

  async template(id: string): Promise<TemplateView | null> {
    return first(await this.sql.query<DocRow>(`SELECT doc FROM ${this.tables.templates} WHERE id = ?`, [id]));
  }

  async allTemplates(): Promise<TemplateView[]> {
    return parse(
      await this.sql.query<DocRow>(`SELECT doc FROM ${this.tables.templates} ORDER BY function, id`),
    );
  }

  async putTemplate(view: TemplateView): Promise<void> {
    await this.sql.execute(
      `INSERT INTO ${this.tables.templates} (id, function, doc) VALUES (?, ?, ?) ` +
        'ON CONFLICT (id) DO UPDATE SET function = excluded.function, doc = excluded.doc',
      [view.id, view.function, JSON.stringify(view)],
    );
  }
}
