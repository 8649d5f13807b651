/**
 * What the jest global set-up started, handed to the global teardown. Both run in jest's parent
 * process but may load their modules separately, so the state lives on globalThis (under a
 * registered symbol), the one place jest documents as shared between the two.
 */
export interface Stopper {
  /** For the teardown log, e.g. "local Kafka broker (pid 1234)". */
  readonly what: string;
  stop(): Promise<void>;
}

export interface TestInfraState {
  readonly kafkaBrokers: string;
  readonly pgAdminUrl: string;
  /** In start order; stopped in reverse. Empty when everything was already running. */
  readonly stoppers: readonly Stopper[];
}

const KEY = Symbol.for('tminus.testInfra');
type GlobalWithState = typeof globalThis & { [KEY]?: TestInfraState };

export const getTestInfraState = (): TestInfraState | undefined => (globalThis as GlobalWithState)[KEY];

export function setTestInfraState(state: TestInfraState): void {
  (globalThis as GlobalWithState)[KEY] = state;
}

export function clearTestInfraState(): void {
  delete (globalThis as GlobalWithState)[KEY];
}

/** Stops in reverse start order; a failing stop is reported, not thrown, so the others still run. */
export async function stopAll(stoppers: readonly Stopper[], log: (message: string) => void): Promise<void> {
  for (const stopper of [...stoppers].reverse()) {
    try {
      await stopper.stop();
      log(`Stopped ${stopper.what}`);
    } catch (e) {
      log(`Could not stop ${stopper.what}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
