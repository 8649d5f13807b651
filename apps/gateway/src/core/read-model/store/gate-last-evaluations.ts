import type { GateEvaluationView } from '../domain';
import type { Sql } from './database';
import { GATE_LAST_TABLE } from './tables';

/** A launch's last audited evaluation in one environment. */
export interface LastGateEvaluation {
  readonly launchId: string;
  readonly evaluation: GateEvaluationView;
}

/** ISO-8601 in one fixed form, so stored times compare correctly as text. */
const normalizeInstant = (value: string): string => new Date(value).toISOString();

/**
 * The newest of `entries` per (launch, environment): one statement may not update a row twice
 * (PostgreSQL refuses it), so a group commit's rows are reduced first.
 */
const newestPerKey = (entries: readonly LastGateEvaluation[]): LastGateEvaluation[] => {
  const newest = new Map<string, LastGateEvaluation>();
  for (const entry of entries) {
    const key = `${entry.launchId}\u0000${entry.evaluation.environment}`;
    const kept = newest.get(key);
    if (
      !kept ||
      normalizeInstant(kept.evaluation.evaluatedAt) <= normalizeInstant(entry.evaluation.evaluatedAt)
    )
      newest.set(key, entry);
  }
  return [...newest.values()];
};

/**
 * `gate_last_evaluations`: the last audited REST gate evaluation per launch and environment, upserted
 * with the audits themselves, so `Launch.lastGateEvaluations` shows them without reading the log.
 */
export class GateLastEvaluations {
  constructor(private readonly sql: Sql) {}

  async record(entries: readonly LastGateEvaluation[]): Promise<void> {
    const rows = newestPerKey(entries);
    if (rows.length === 0) return;
    await this.sql.execute(
      `INSERT INTO ${GATE_LAST_TABLE} (launch_id, environment, evaluated_at, doc) VALUES ` +
        rows.map(() => '(?, ?, ?, ?)').join(', ') +
        ' ON CONFLICT (launch_id, environment) DO UPDATE SET evaluated_at = excluded.evaluated_at, doc = excluded.doc' +
        ` WHERE ${GATE_LAST_TABLE}.evaluated_at <= excluded.evaluated_at`,
      rows.flatMap(({ launchId, evaluation }) => [
        launchId,
        evaluation.environment,
        normalizeInstant(evaluation.evaluatedAt),
        JSON.stringify(evaluation),
      ]),
    );
  }

  async ofLaunch(launchId: string): Promise<GateEvaluationView[]> {
    const rows = await this.sql.query<{ doc: string }>(
      `SELECT doc FROM ${GATE_LAST_TABLE} WHERE launch_id = ? ORDER BY environment`,
      [launchId],
    );
    return rows.map((row) => JSON.parse(row.doc) as GateEvaluationView);
  }
}

/**
 * The last evaluation per environment of both sources: the launch document's (GitHub verdicts and
 * audits recorded on the launch stream before #12) and the gateway's audit log's; the newer wins.
 */
export function mergeLastEvaluations(
  fromDocument: readonly GateEvaluationView[],
  fromAudits: readonly GateEvaluationView[],
): GateEvaluationView[] {
  const byEnvironment = new Map<string, GateEvaluationView>();
  for (const evaluation of [...fromDocument, ...fromAudits]) {
    const kept = byEnvironment.get(evaluation.environment);
    if (!kept || normalizeInstant(kept.evaluatedAt) <= normalizeInstant(evaluation.evaluatedAt))
      byEnvironment.set(evaluation.environment, evaluation);
  }
  return [...byEnvironment.values()];
}
