import type { Finding } from './checker';
import type { Operation } from './ledger';
import { WARM_UP, type PhaseRecord } from './scheduler';
import type { UnplannedExit } from './stack';
import type { StoreDuplicate } from './store-snapshot';

export interface PhaseRow {
  readonly phase: string;
  readonly durationMs: number;
  readonly sent: number;
  readonly acknowledged: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly outOfOrder: number;
  /** Answered (acknowledged or refused by a rule) / sent. */
  readonly availability: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** From the fault's injection to the end of the last disturbed operation; 0 when nothing was disturbed. */
  readonly recoveryMs: number | undefined;
}

export interface ChaosReport {
  readonly rows: PhaseRow[];
  /** Operations not acknowledged, counted by outcome, kind and error (ids stripped). */
  readonly failures: Map<string, number>;
  readonly totals: PhaseRow;
  readonly findings: Finding[];
  readonly storeDuplicates: StoreDuplicate[];
  readonly unplannedExits: UnplannedExit[];
  readonly phases: PhaseRecord[];
  readonly setup: string;
  readonly durationMs: number;
}

export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const latency = (op: Operation): number => op.endedAt - op.startedAt;

/**
 * An operation is disturbed when it got no answer or took over `slowMs` (three times the warm-up's
 * p99, at least 1 s): recovery lasts until the last disturbed operation the phase started ends.
 */
function recoveryOf(
  record: PhaseRecord | undefined,
  ops: readonly Operation[],
  slowMs: number,
): number | undefined {
  if (!record?.injectedAt) return undefined;
  const injectedAt = record.injectedAt;
  const disturbed = ops.filter(
    (o) => o.endedAt >= injectedAt && (o.outcome === 'unknown' || latency(o) > slowMs),
  );
  return disturbed.length === 0 ? 0 : Math.max(...disturbed.map((o) => o.endedAt)) - injectedAt;
}

export function phaseRows(
  operations: readonly Operation[],
  phases: readonly PhaseRecord[],
  findings: readonly Finding[],
): {
  rows: PhaseRow[];
  totals: PhaseRow;
} {
  const baseline = operations.filter((o) => o.phase === WARM_UP && o.outcome === 'acknowledged').map(latency);
  const slowMs = Math.max(1_000, 3 * percentile(baseline, 99));
  const row = (phase: string, ops: readonly Operation[], found: readonly Finding[]): PhaseRow => {
    const record = phases.find((p) => p.name === phase);
    const acknowledged = ops.filter((o) => o.outcome === 'acknowledged');
    const answered = ops.filter((o) => o.outcome !== 'unknown').length;
    return {
      phase,
      durationMs: record ? record.endedAt - record.startedAt : 0,
      sent: ops.length,
      acknowledged: acknowledged.length,
      lost: found.filter((f) => f.kind === 'lost').length,
      duplicated: found.filter((f) => f.kind === 'duplicated').length,
      outOfOrder: found.filter((f) => f.kind === 'out of order').length,
      availability: ops.length === 0 ? 1 : answered / ops.length,
      p50Ms: percentile(acknowledged.map(latency), 50),
      p99Ms: percentile(acknowledged.map(latency), 99),
      recoveryMs: recoveryOf(record, ops, slowMs),
    };
  };
  const rows = phases.map((p) =>
    row(
      p.name,
      operations.filter((o) => o.phase === p.name),
      findings.filter((f) => f.phase === p.name),
    ),
  );
  const durationMs = rows.reduce((sum, r) => sum + r.durationMs, 0);
  return { rows, totals: { ...row('all phases', operations, findings), durationMs, recoveryMs: undefined } };
}

/** Not-acknowledged operations grouped by what went wrong, so the table's availability can be explained. */
export function failureSummary(operations: readonly Operation[]): Map<string, number> {
  const summary = new Map<string, number>();
  for (const op of operations) {
    if (op.outcome === 'acknowledged') continue;
    const error = (op.error ?? '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').slice(0, 140);
    const key = `${op.outcome} ${op.kind}: ${error}`;
    summary.set(key, (summary.get(key) ?? 0) + 1);
  }
  return new Map([...summary].sort((a, b) => b[1] - a[1]));
}

/** The log lines that name an error (pino JSON or a stack), at most the last five. */
const errorLines = (logs: string): string[] =>
  logs
    .split('\n')
    .filter((line) => /error|unhandled|exception/i.test(line))
    .slice(-5)
    .map((line) => line.replace(/`/g, "'"));

const seconds = (ms: number | undefined): string => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)} %`;

export function reportTable(report: ChaosReport): string {
  const header =
    '| fault (phase) | duration | sent | acknowledged | lost | duplicated | out of order | availability | p50 | p99 | recovery time |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const line = (r: PhaseRow): string =>
    `| ${r.phase} | ${seconds(r.durationMs)} | ${r.sent} | ${r.acknowledged} | ${r.lost} | ${r.duplicated} | ${r.outOfOrder} | ` +
    `${percent(r.availability)} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${seconds(r.recoveryMs)} |`;
  return [
    header,
    ...report.rows.map(line),
    line({ ...report.totals, phase: `**${report.totals.phase}**` }),
  ].join('\n');
}

export function reportMarkdown(report: ChaosReport): string {
  const problems = report.phases.flatMap((p) => p.problems.map((problem) => `- ${p.name}: ${problem}`));
  const findings = report.findings
    .slice(0, 40)
    .map((f) => `- ${f.kind} — ${f.phase} — ${f.operation}: ${f.evidence}`);
  const duplicates = report.storeDuplicates.map(
    (d) => `- ${d.service}: command ${d.commandId} wrote ${d.type} ${d.count}× to ${d.streamId}`,
  );
  const exits = report.unplannedExits.map(
    (e) =>
      `- ${e.replica} exited by itself (${e.status}) at ${new Date(e.at).toISOString()}; its last error lines:\n` +
      errorLines(e.lastLogs)
        .map((line) => `  \`${line.slice(0, 300)}\``)
        .join('\n'),
  );
  const failures = [...report.failures].slice(0, 15).map(([what, n]) => `- ${n}× ${what}`);
  const section = (title: string, lines: string[], none: string): string =>
    `### ${title}\n\n${lines.length > 0 ? lines.join('\n') : none}\n`;
  return [
    reportTable(report),
    '',
    report.setup,
    `Run time ${seconds(report.durationMs)}.`,
    '',
    section(
      'Findings of the checker',
      findings,
      'None: every acknowledged command is in the event stores and the read model, once, in order.',
    ),
    section('Mutations not acknowledged, by cause', failures, 'None.'),
    section('Same command id, same event, twice (event stores)', duplicates, 'None.'),
    section(
      'Fault verification',
      problems,
      'Every fault did what it should (poison records dead-lettered, replicas back).',
    ),
    section('Processes that exited by themselves', exits, 'None.'),
  ].join('\n');
}
