import type { LaunchReport } from './launch-report';
import { csvRow, mdText, mdUrl } from './report-text';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/** The report as Markdown: a summary, gates, one table per team, the blockers. */
export function renderMarkdown(report: LaunchReport): string {
  const { launch } = report;
  const lines = [
    `# Readiness report: ${mdText(launch.name)} (${mdText(launch.key)})`,
    '',
    `- Status: ${launch.status}; target date ${mdText(launch.targetDate)}; owner ${mdText(launch.ownerUserId)}`,
    `- Ready: ${yesNo(report.ready)} (${report.percent} %)`,
    `- Decision: ${report.decision ? `${report.decision.decision} by ${mdText(report.decision.by)}: ${mdText(report.decision.notes)}` : 'none'}`,
    `- Support: ${report.support.status}, ${report.support.openIncidents} open incident(s)` +
      (report.support.hypercareEndsAt ? `, hypercare until ${mdText(report.support.hypercareEndsAt)}` : ''),
    `- Generated ${mdText(report.generatedAt)} at position ${mdText(report.position)}`,
    '',
    '## Gates',
    '',
    '| Environment | Decision | Reasons |',
    '| --- | --- | --- |',
    ...report.gates.map(
      (gate) => `| ${mdText(gate.environment)} | ${gate.decision} | ${mdText(gate.reasons.join(', '))} |`,
    ),
  ];
  lines.push('', '## Open incidents', '');
  if (report.support.incidents.length === 0) lines.push('None.');
  else
    lines.push(
      '| Severity | Title | Source | External id | Link | Reported | Acknowledged |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...report.support.incidents.map(
        (incident) =>
          `| ${incident.severity} | ${mdText(incident.title)} | ${incident.source ?? 'by hand'} | ` +
          `${mdText(incident.externalId)} | ${mdUrl(incident.url)} | ${mdText(incident.reportedAt)} | ${yesNo(incident.acknowledged)} |`,
      ),
    );
  for (const team of report.teams) {
    lines.push(
      '',
      `## ${mdText(team.name)} (${mdText(team.key)}): ${team.ready ? 'ready' : 'not ready'}, ${team.percent} %, signed off: ${yesNo(team.signedOff)}`,
      '',
      '| Item | Required | State | Owner | Due | Evidence | Waiver | Check |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...team.items.map(
        (item) =>
          `| ${mdText(item.title)} | ${yesNo(item.required)} | ${item.state} | ${mdText(item.owner)} | ${mdText(item.dueDate)} | ` +
          `${mdUrl(item.evidenceUrl)} | ${mdText(item.waiver)} | ${mdText(item.check)} |`,
      ),
    );
  }
  lines.push('', '## Blockers', '');
  if (report.blockers.length === 0) lines.push('None.');
  for (const blocker of report.blockers) lines.push(`- ${blocker.code}: ${mdText(blocker.message)}`);
  return `${lines.join('\n')}\n`;
}

export const CSV_COLUMNS = [
  'section',
  'team',
  'name',
  'required',
  'state',
  'owner',
  'due_date',
  'evidence_url',
  'waiver',
  'detail',
] as const;

/**
 * The report as CSV (RFC 4180), one row per fact with a `section`: launch, gate (per environment), incident
 * (open ones: severity as state, link as evidence_url, origin as detail), item (per team), blocker. One table, so a spreadsheet filter on `section` gives each part.
 */
export function renderCsv(report: LaunchReport): string {
  const { launch } = report;
  const decision = report.decision
    ? `decision ${report.decision.decision} by ${report.decision.by}`
    : 'no decision';
  const rows = [
    csvRow(CSV_COLUMNS),
    csvRow([
      'launch',
      '',
      `${launch.name} (${launch.key})`,
      '',
      launch.status,
      launch.ownerUserId,
      launch.targetDate,
      '',
      '',
      `ready ${yesNo(report.ready)} ${report.percent}%; ${decision}; support ${report.support.status}, ` +
        `${report.support.openIncidents} open incident(s); generated ${report.generatedAt} at position ${report.position}`,
    ]),
    ...report.gates.map((gate) =>
      csvRow(['gate', '', gate.environment, '', gate.decision, '', '', '', '', gate.reasons.join(' ')]),
    ),
    ...report.support.incidents.map((incident) =>
      csvRow([
        'incident',
        '',
        incident.title,
        '',
        incident.severity,
        '',
        '',
        incident.url,
        '',
        `${incident.source === null ? 'reported by hand' : `${incident.source} ${incident.externalId ?? ''}`.trim()}` +
          `; reported ${incident.reportedAt}${incident.acknowledged ? '; acknowledged' : ''}`,
      ]),
    ),
    ...report.teams.flatMap((team) =>
      team.items.map((item) =>
        csvRow([
          'item',
          team.key,
          item.title,
          yesNo(item.required),
          item.state,
          item.owner,
          item.dueDate,
          item.evidenceUrl,
          item.waiver,
          item.check ? `check ${item.check}` : '',
        ]),
      ),
    ),
    ...report.blockers.map((blocker) =>
      csvRow([
        'blocker',
        blocker.teamKey,
        blocker.itemTitle,
        '',
        blocker.code,
        '',
        '',
        '',
        '',
        blocker.message,
      ]),
    ),
  ];
  return `${rows.join('\r\n')}\r\n`;
}
