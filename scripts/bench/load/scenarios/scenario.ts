import type { ScenarioResult } from '../verdict';

export interface RunSettings {
  /** Short runs for development (`--quick`): seconds, not the full minute. */
  readonly quick: boolean;
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
}

export interface Scenario {
  /** The id of the goals table (S1e, S3, …): selectable by name on the command line. */
  readonly id: string;
  readonly description: string;
  run(settings: RunSettings): Promise<ScenarioResult[]>;
}
