/**
 * Jest global teardown: stops only what test/global-setup.ts started (a broker that was already
 * running is left alone), and nothing at all with TMINUS_KEEP_INFRA=1, so a developer can keep a
 * broker up between runs and skip its start-up.
 */
import { clearTestInfraState, getTestInfraState, stopAll } from '../libs/testing/src/infra/global-state';

export default async function globalTeardown(): Promise<void> {
  const state = getTestInfraState();
  // Jest may call this once per project; only the first call has anything to do.
  if (!state) return;
  clearTestInfraState();
  const log = (message: string): void => console.log(`[infra] ${message}`);
  if (process.env.TMINUS_KEEP_INFRA === '1') {
    // Containers still go when jest exits: testcontainers' reaper removes them with the session.
    if (state.stoppers.length > 0)
      log(`TMINUS_KEEP_INFRA=1: not stopping ${state.stoppers.map((s) => s.what).join(', ')}`);
    return;
  }
  await stopAll(state.stoppers, log);
}
