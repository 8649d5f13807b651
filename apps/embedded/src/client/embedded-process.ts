import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { waitForHealth } from './wait-for-health';

/** The repository root: `npm start` runs from there. */
export const REPOSITORY_ROOT = resolve(__dirname, '../../../..');

/** The compiled entry of an app, relative to the repository root (`npm run build` writes it). */
export const builtEntry = (app: string): string => `dist/apps/${app}/src/main.js`;

/** Fails with the fix when the build is missing (tests and benches build first; see test/global-setup.ts). */
export function assertBuilt(app: string): void {
  if (!existsSync(join(REPOSITORY_ROOT, builtEntry(app)))) {
    throw new Error(`${builtEntry(app)} does not exist: run \`npm run build\` first`);
  }
}

export interface EmbeddedProcessOptions {
  readonly dataDir: string;
  /** Default: a free port. */
  readonly port?: number;
  readonly env?: Readonly<Record<string, string>>;
  /** Default 60 s. */
  readonly readyTimeoutMs?: number;
  /** `node` runs the built main.js as `npm start` does; `npm` runs `npm start` itself (build and npm included). */
  readonly via?: 'node' | 'npm';
  /** Extra flags for node before the entry (e.g. `--cpu-prof`); `via: 'node'` only. */
  readonly nodeArgs?: readonly string[];
}

/**
 * The node flags of every production start (package.json's start scripts, the Docker CMDs; a deploy
 * spec keeps them equal). Stack traces are mapped to the TypeScript sources by source-map-support,
 * which reads a file's map only when a trace through it is formatted (`--enable-source-maps` parses
 * every loaded module's map at start: ≈15 MB per idle process). An 8 MB semi-space keeps the young
 * generation smaller than V8's default (idle embedded RSS 158 → 144 MB) at no measured CPU cost; 2 MB
 * saved 13 MB more but cost ≈80% more CPU per projected event on a 250-item launch (big documents
 * promoted and swept). ADR 0014, addenda "memory" and "young generation".
 */
export const PRODUCTION_NODE_FLAGS = [
  '-r',
  'source-map-support/register',
  '--max-semi-space-size=8',
] as const;

/** What `npm start` runs after its build step (docs/adr/0012-build-and-run.md). */
const NODE_ARGS = [...PRODUCTION_NODE_FLAGS, builtEntry('embedded')];

const OUTPUT_KEPT = 64 * 1024;

/**
 * `npm start` as a child process (node on the built dist/apps/embedded/src/main.js), for the
 * e2e tests and the startup bench: start, wait for /health, kill (gracefully or not), read its output.
 */
export class EmbeddedProcess {
  private output = '';
  private exit: Promise<number | null>;
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly dataDir: string,
    /** When the process was spawned (ms since epoch). */
    readonly spawnedAt: number,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exit = once(child, 'exit').then(([code, signal]) => {
      this.exited = { code: code as number | null, signal: signal as NodeJS.Signals | null };
      return code as number | null;
    });
  }

  /** Spawns without waiting: see {@link ready}. */
  static spawn(options: EmbeddedProcessOptions & { readonly port: number }): EmbeddedProcess {
    if (options.via !== 'npm') assertBuilt('embedded');
    const [command, args] =
      options.via === 'npm'
        ? ['npm', ['start', '--silent']]
        : [process.execPath, [...(options.nodeArgs ?? []), ...NODE_ARGS]];
    const child = spawn(command, args, {
      cwd: REPOSITORY_ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        ...options.env,
        TMINUS_DATA_DIR: options.dataDir,
        PORT: String(options.port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a signal reaches npm's child too, as Ctrl+C would.
      detached: true,
    });
    return new EmbeddedProcess(child, options.port, options.dataDir, Date.now());
  }

  /** Spawns and resolves once /health answers 200. */
  static async start(options: EmbeddedProcessOptions): Promise<EmbeddedProcess> {
    const running = EmbeddedProcess.spawn({ ...options, port: options.port ?? (await freePort()) });
    try {
      await running.ready(options.readyTimeoutMs ?? 60_000);
    } catch (error) {
      await running.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n--- process output ---\n${running.logs()}`, {
        cause: error,
      });
    }
    return running;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get graphqlUrl(): string {
    return `${this.baseUrl}/graphql`;
  }

  /** The process id (node's own with `via: 'node'`): the load bench reads its CPU time. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  ready(timeoutMs: number): Promise<void> {
    return waitForHealth(this.baseUrl, {
      timeoutMs,
      abortIf: () => (this.exited ? `it exited (${JSON.stringify(this.exited)})` : undefined),
    });
  }

  /** The token the gateway wrote on first start. */
  adminToken(): Promise<string> {
    return readFile(join(this.dataDir, 'admin.token'), 'utf8').then((text) => text.trim());
  }

  /** Sends `signal` and resolves with the exit code (null when killed by the signal). */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    this.signal(signal);
    return this.exit;
  }

  /** SIGSTOP: the process stops at once, wherever it is (a crash can then be placed precisely). */
  freeze(): void {
    this.signal('SIGSTOP');
  }

  /** SIGCONT after {@link freeze}. */
  thaw(): void {
    this.signal('SIGCONT');
  }

  private signal(signal: NodeJS.Signals): void {
    if (this.exited || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }

  /** Resolves with the exit code once the process ended on its own (null when a signal ended it). */
  whenExited(): Promise<number | null> {
    return this.exit;
  }

  get exitStatus(): { code: number | null; signal: NodeJS.Signals | null } | undefined {
    return this.exited;
  }

  /** The last 64 KiB of stdout and stderr, for failure messages. */
  logs(): string {
    return this.output;
  }
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
