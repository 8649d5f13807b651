import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { LoadResult, LoadSpec } from './load-spec';

type WorkerMessage = { kind: 'started' } | { kind: 'result'; result: LoadResult };

/**
 * Runs one load in a fresh generator process (generator-worker.ts, autocannon) and returns its result.
 * `onStarted` runs when the generator begins sending (after its own start-up), so the caller's CPU
 * meters cover the measured window only.
 */
export async function generateLoad(
  spec: LoadSpec,
  onStarted: () => void = () => undefined,
): Promise<LoadResult> {
  const child = fork(join(__dirname, 'generator-worker.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const answered = new Promise<LoadResult>((resolve) => {
    child.on('message', (message: WorkerMessage) => {
      if (message.kind === 'started') onStarted();
      else resolve(message.result);
    });
  });
  child.send(spec);
  const outcome = await Promise.race([answered, exited.then(([code]) => code as number | null)]);
  if (outcome === null || typeof outcome === 'number')
    throw new Error(`the load generator exited with ${outcome} before answering`);
  await exited;
  return outcome;
}
