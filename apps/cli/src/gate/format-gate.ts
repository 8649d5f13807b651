import { safeField } from '../support/safe-text';
import type { GateBody, GateIncident, GateReason } from './gate-body';

/** A pipeline log is no place for a hundred lines: the rest is in `--json`. */
export const MAX_BLOCKER_ROWS = 15;
const MAX_CELL = 70;

const truncate = (text: string, width = MAX_CELL): string =>
  text.length <= width ? text : `${text.slice(0, width - 1)}…`;

/** `DENIED  checkout-v2 → production  (readiness 62%: 5/8 required items; position 41)` */
export function decisionLine(body: GateBody): string {
  const { counts, percent } = body.readiness;
  return (
    `${body.decision}  ${safeField(body.launch.key)} → ${safeField(body.environment)}  ` +
    `(readiness ${percent}%: ${counts.doneOrWaived}/${counts.requiredItems} required items; position ${safeField(body.position)})`
  );
}

/** Launch-wide reasons first, then team by team; the table's "team" column is '-' for launch-wide ones. */
const byTeam = (reasons: readonly GateReason[]): GateReason[] =>
  reasons
    .map((reason, index) => ({ reason, index }))
    .sort((a, b) => {
      const teamA = a.reason.team ?? '';
      const teamB = b.reason.team ?? '';
      return teamA === teamB ? a.index - b.index : teamA < teamB ? -1 : 1;
    })
    .map(({ reason }) => reason);

// Escaped before truncating: the width is what the terminal shows.
const row = (reason: GateReason): [string, string, string] => [
  safeField(reason.team ?? '-'),
  safeField(reason.code),
  truncate(safeField(reason.item ?? reason.message)),
];

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => cells[column].length)));
  return rows.map((cells) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd(),
  );
}

/** Open incidents shown; the gateway sends at most 20, most severe first. */
export const MAX_INCIDENT_ROWS = 5;
const MAX_TITLE = 40;
const MAX_LINK = 200;

const incidentRow = (incident: GateIncident): [string, string, string, string, string] => [
  safeField(incident.severity),
  safeField(incident.source ?? 'by hand'),
  safeField(incident.externalId ?? '-'),
  truncate(safeField(incident.title), MAX_TITLE),
  truncate(safeField(incident.url ?? '-'), MAX_LINK),
];

/** Post-launch support, when incidents are open: a deploy into an incident should say so, with the links. */
function supportLines(support: NonNullable<GateBody['support']>): string[] {
  if (support.openIncidents === 0) return [];
  const shown = support.incidents.slice(0, MAX_INCIDENT_ROWS);
  const lines = [
    '',
    `Support ${safeField(support.status)}: ${support.openIncidents} open incident(s) (they do not decide the gate):`,
    ...table([['SEVERITY', 'SOURCE', 'ID', 'TITLE', 'LINK'], ...shown.map(incidentRow)]).map(
      (line) => `  ${line}`,
    ),
  ];
  if (support.openIncidents > shown.length)
    lines.push(`  … and ${support.openIncidents - shown.length} more (--json lists up to 20)`);
  return lines;
}

/**
 * The human form: the decision line, then (when denied) the blockers grouped by team, then the open
 * incidents with their origin (source, external id, link) if there are any.
 */
export function formatGate(body: GateBody): string {
  const lines = [decisionLine(body)];
  if (body.reasons.length > 0) {
    const sorted = byTeam(body.reasons);
    const shown = sorted.slice(0, MAX_BLOCKER_ROWS);
    lines.push('', `Blockers (${body.reasons.length}):`);
    lines.push(...table([['TEAM', 'CODE', 'ITEM / REASON'], ...shown.map(row)]).map((line) => `  ${line}`));
    if (sorted.length > shown.length)
      lines.push(`  … and ${sorted.length - shown.length} more (--json lists all)`);
  }
  if (body.support) lines.push(...supportLines(body.support));
  return `${lines.join('\n')}\n`;
}

/** `--json`: the REST body exactly as the gateway sent it. */
export const formatGateJson = (raw: unknown): string => `${JSON.stringify(raw, null, 2)}\n`;
