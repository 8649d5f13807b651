import { Session } from 'node:inspector';

/**
 * One full garbage collection, right after a process has started and answers. Loading ≈1,300 modules
 * and building the Nest and GraphQL apps leaves garbage in the old generation and a young generation
 * grown to its maximum (2 × `--max-semi-space-size`, 16 MB); an idle process allocates too little for
 * V8 to collect again, so it would keep that memory resident until traffic arrives.
 *
 * The collection is V8's memory-reducing one (as on a low-memory notification), asked for through an
 * in-process inspector session (no port is opened). Unlike a forced `gc()` right after start-up, it
 * also shrinks the young generation (which grows back under load). One pause of tens of ms, once.
 * Best effort: resolves whether or not the collection could be asked for.
 */
export function collectStartupGarbage(): Promise<void> {
  const session = new Session();
  session.connect();
  return new Promise((resolve) => {
    session.post('HeapProfiler.collectGarbage', () => {
      // Disconnecting from inside the session's own callback hangs the process (Node 20): leave it first.
      setImmediate(() => {
        session.disconnect();
        resolve();
      });
    });
  });
}
