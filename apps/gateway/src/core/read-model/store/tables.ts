/**
 * Table names. The projection tables (documents, indexes, stream positions) are rebuilt from the
 * stored events into a `_next` set and swapped in; the received events and the API tokens are kept.
 */
export interface ProjectionTables {
  readonly launches: string;
  readonly checklists: string;
  readonly checklistItems: string;
  readonly incidents: string;
  readonly teams: string;
  readonly templates: string;
  readonly positions: string;
}

const PROJECTION_BASE: ProjectionTables = {
  launches: 'rm_launches',
  checklists: 'rm_checklists',
  checklistItems: 'rm_checklist_items',
  incidents: 'rm_incidents',
  teams: 'rm_teams',
  templates: 'rm_templates',
  positions: 'rm_stream_positions',
};

export const EVENTS_TABLE = 'rm_events';
export const API_TOKENS_TABLE = 'api_tokens';
/** One row the readiness probe rewrites: proof that writes go through. */
/** The last audited REST gate evaluation per (launch, environment): `Launch.lastGateEvaluations`. */
export const GATE_LAST_TABLE = 'gate_last_evaluations';
export const HEALTH_PROBE_TABLE = 'gateway_health_probe';

export const projectionTables = (suffix = ''): ProjectionTables =>
  Object.fromEntries(
    Object.entries(PROJECTION_BASE).map(([role, name]) => [role, `${name}${suffix}`]),
  ) as unknown as ProjectionTables;

export const LIVE_TABLES = projectionTables();
export const NEXT_SUFFIX = '_next';
export const OLD_SUFFIX = '_old';

export const tableNamesOf = (tables: ProjectionTables): string[] => Object.values(tables) as string[];
