import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stopOnAbort } from '../cleanup';

export interface PeerProcess {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts a peer server script (peers/<name>.ts) in its own process and waits for its port. */
export async function startPeer(name: 'fastify-hello' | 'bare-apollo', path: string): Promise<PeerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, `${name}.ts`)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(() => {
      throw new Error(`peer ${name} exited before listening`);
    }),
  ])) as [string];
  const { port } = JSON.parse(line) as { port: number };
  const unregister = stopOnAbort(async () => void child.kill('SIGKILL'));
  return {
    url: `http://127.0.0.1:${port}${path}`,
    pid: child.pid ?? -1,
    async stop() {
      unregister();
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
