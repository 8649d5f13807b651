import {
  computeLaunchReadiness,
  evaluateGate,
  type GateEvaluation,
  type LaunchReadiness,
  type Staleness,
} from '../domain';
import { GateEvaluationCache } from './gate-evaluator-cache';
import type { LaunchSnapshot } from './launch-snapshot';
import type { ReadModelQueries } from './read-model-queries';

type Now = () => Date;

/** Readiness of a snapshot at `now` (waiver expiries and due dates depend on it). */
export const readinessOf = (snapshot: LaunchSnapshot, now: Date): LaunchReadiness =>
  computeLaunchReadiness(snapshot.launch, snapshot.checklists, snapshot.teams, now);

/**
 * Release-gate decisions from the read model. Evaluating records nothing: the REST gate records a
 * pipeline's evaluation by sending `RecordGateEvaluation` itself (see the gateway's CommandSender).
 */
export class GateEvaluator {
  /**
   * Evaluations of the snapshots `queries` hands out again (CachedSnapshots: the same object until
   * its launch changes), kept until the clock could change them: readiness and reasons were ≈10% of
   * an unaudited check's CPU time, recomputed per request for the same answer.
   */
  private readonly cache = new GateEvaluationCache();

  constructor(
    /** ReadModelQueries, or the gate's in-memory CachedSnapshots in front of it. */
    private readonly queries: Pick<ReadModelQueries, 'launchSnapshot'>,
    private readonly clock: Now,
    /** Says whether the read model lags the event log (none: never stale). */
    private readonly staleness?: () => Promise<Staleness>,
    /** Told every result (for `tminus_gate_decisions_total`): the decision, or UNKNOWN_LAUNCH. */
    private readonly onEvaluated?: (result: GateEvaluation['decision'] | 'UNKNOWN_LAUNCH') => void,
  ) {}

  /** The decision for a launch (by id or key) and environment; null when no such launch is known. */
  async evaluate(launchRef: string, environment: string): Promise<GateEvaluation | null> {
    const snapshot = await this.queries.launchSnapshot(launchRef);
    if (snapshot === null) {
      this.onEvaluated?.('UNKNOWN_LAUNCH');
      return null;
    }
    const staleness = this.staleness ? await this.staleness() : undefined;
    const now = this.clock();
    let evaluation = staleness?.stale ? undefined : this.cache.get(snapshot, environment, now);
    if (evaluation === undefined) {
      evaluation = evaluateGate({
        launch: snapshot.launch,
        readiness: readinessOf(snapshot, now),
        environment,
        now,
        position: snapshot.position,
        staleness,
      });
      if (!staleness?.stale) this.cache.set(snapshot, environment, now, evaluation);
    }
    this.onEvaluated?.(evaluation.decision);
    return evaluation;
  }
}
