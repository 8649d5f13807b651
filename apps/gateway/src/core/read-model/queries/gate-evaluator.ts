import {
  computeLaunchReadiness,
  evaluateGate,
  type GateEvaluation,
  type LaunchReadiness,
  type Staleness,
} from '../domain';
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
    const now = this.clock();
    const evaluation = evaluateGate({
      launch: snapshot.launch,
      readiness: readinessOf(snapshot, now),
      environment,
      now,
      position: snapshot.position,
      staleness: this.staleness ? await this.staleness() : undefined,
    });
    this.onEvaluated?.(evaluation.decision);
    return evaluation;
  }
}
