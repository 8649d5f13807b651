import { describeGoal, ratioToPeer, verdictOf, type ScenarioResult, type Throughput } from './verdict';

const HEADER = [
  'scenario',
  'goal',
  'measured',
  'peer (same run)',
  'ratio',
  'CPU (% of a core)',
  'per server CPU-second',
  'verdict',
];

/**
 * Requests per CPU-second of the measured server (the first CPU entry): on a machine shared with
 * other work, a steadier figure for before/after comparisons than requests per wall-second.
 */
export function perServerCpuSecond(result: Pick<ScenarioResult, 'measured' | 'cpu'>): number | undefined {
  const server = result.cpu[0];
  if (!server || server.percentOfCore <= 0) return undefined;
  return result.measured.perSecond / (server.percentOfCore / 100);
}

/** Pipes and line breaks would break a Markdown cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export const formatThroughput = (t: Throughput): string =>
  `${Math.round(t.perSecond)}/s` +
  (t.noLatency ? '' : `, p50 ${t.p50Ms} ms, p99 ${t.p99Ms} ms`) +
  (t.errors ? `, ${t.errors} errors` : '');

/** The measured cell: throughput, and the memory figure when the goal has one. */
const formatMeasured = (result: ScenarioResult): string => {
  const memory =
    result.goal.maxMemory && result.memory !== undefined
      ? `${result.goal.maxMemory.label} ${result.memory} ${result.goal.maxMemory.unit}`
      : '';
  // A memory-only row (S5 idle RSS) has no rate to show.
  const onlyMemory = result.measured.noLatency && result.measured.requests === 0 && memory;
  return onlyMemory ? memory : [formatThroughput(result.measured), memory].filter(Boolean).join(', ');
};

function row(result: ScenarioResult): string[] {
  const ratio = ratioToPeer(result);
  const perCpu = perServerCpuSecond(result);
  const { verdict, misses } = verdictOf(result);
  return [
    `${result.id} ${result.title}`,
    describeGoal(result.goal),
    formatMeasured(result),
    result.peer ? `${result.peer.label}: ${formatThroughput(result.peer)}` : '—',
    ratio === undefined ? '—' : `${ratio.toFixed(2)}×`,
    result.cpu.map((c) => `${c.process} ${Math.round(c.percentOfCore)}`).join(', ') || '—',
    perCpu === undefined ? '—' : String(Math.round(perCpu)),
    misses.length ? `${verdict} (${misses.join('; ')})` : verdict,
  ];
}

/** One Markdown table row per scenario: goal, measured, peer, ratio, CPU, PASS/FAIL. */
export function resultsTable(results: readonly ScenarioResult[]): string {
  const lines = [HEADER, HEADER.map(() => '---'), ...results.map(row)];
  return lines.map((cells) => `| ${cells.map(cell).join(' | ')} |`).join('\n');
}

/** The notes under the table: one line per scenario that has one. */
export function resultNotes(results: readonly ScenarioResult[]): string {
  return results
    .filter((r) => r.note)
    .map((r) => `- ${r.id}: ${r.note}`)
    .join('\n');
}
