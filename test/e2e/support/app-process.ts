import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  builtEntry,
  PRODUCTION_NODE_FLAGS,
  REPOSITORY_ROOT,
} from '../../../apps/embedded/src/client/embedded-process';
import { waitForHealth } from '../../../apps/embedded/src/client/wait-for-health';

/** One app of the distributed mode as its own process (its built `dist/apps/<app>/src/main.js`). */
export class AppProcess {
  private output = '';
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exit: Promise<unknown>;

  private constructor(
    readonly app: string,
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    const keep = (chunk: Buffer) =>
      void (this.output = (this.output + chunk.toString('utf8')).slice(-64 * 1024));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exit = once(child, 'exit').then(([code, signal]) => {
      this.exited = { code: code as number | null, signal: signal as NodeJS.Signals | null };
    });
  }

  /** The process id: the load bench reads its CPU time. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(app: string, env: Record<string, string>): Promise<AppProcess> {
    const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, builtEntry(app)], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const running = new AppProcess(app, child, Number(env.PORT));
    try {
      await waitForHealth(running.baseUrl, {
        timeoutMs: 90_000,
        abortIf: () => (running.exited ? `${app} exited (${JSON.stringify(running.exited)})` : undefined),
      });
    } catch (error) {
      await running.kill('SIGKILL');
      throw new Error(`${app} did not become healthy: ${(error as Error).message}\n${running.logs()}`, {
        cause: error,
      });
    }
    return running;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  logs(): string {
    return this.output;
  }

  /** How the process ended, or undefined while it runs (a supervisor notices crashes by it). */
  get exitStatus(): { code: number | null; signal: NodeJS.Signals | null } | undefined {
    return this.exited;
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.exited) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exit;
    clearTimeout(timer);
  }
}
