/** What the generator process is asked to do (sent over IPC), and what it answers. */
export interface LoadSpec {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  /** Request bodies taken in turn by all connections together (one shared cursor). */
  readonly bodies?: readonly string[];
  readonly connections: number;
  readonly durationSeconds: number;
  /** HTTP statuses that count as answered (default: 2xx only). */
  readonly expectedStatuses?: readonly number[];
  /** A 200 whose body holds a GraphQL `errors` member counts as an error. */
  readonly graphql?: boolean;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** The first few distinct error samples, for the log. */
  readonly errorSamples: readonly string[];
  /** The generator's own CPU share over the measured window (% of one core). */
  readonly generatorCpuPercent: number;
}
