/**
 * What must be stopped if the harness dies mid-run (an uncaught error, Ctrl+C): the stacks and peers
 * it spawned would otherwise outlive it and keep loading the machine.
 */
const pending = new Set<() => Promise<void>>();

/** Registers `stop` until the returned function is called (after a normal stop). */
export function stopOnAbort(stop: () => Promise<void>): () => void {
  pending.add(stop);
  return () => void pending.delete(stop);
}

/** Stops everything still registered, each at most once; errors are reported, not thrown. */
export async function stopAllRegistered(): Promise<void> {
  const stops = [...pending];
  pending.clear();
  await Promise.all(stops.map((stop) => stop().catch((error: unknown) => console.error(error))));
}

/** On SIGINT, SIGTERM or an uncaught error: stop what is registered, then exit non-zero. */
export function installAbortHandlers(): void {
  const abort = (reason: unknown) => {
    console.error('bench:load aborted:', reason);
    void stopAllRegistered().finally(() => process.exit(1));
  };
  process.once('SIGINT', () => abort('SIGINT'));
  process.once('SIGTERM', () => abort('SIGTERM'));
  process.once('uncaughtException', abort);
}
