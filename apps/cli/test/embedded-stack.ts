import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPOSITORY_ROOT = resolve(__dirname, '../../..');
export const ADMIN_TOKEN = 'tm_admin_token_for_the_cli_e2e_0123456789';

/**
 * The whole product as `npm start` runs it (all four apps, SQLite, in-process bus) in a child process,
 * reached only over HTTP, as a pipeline reaches it. The CLI is an app of its own: it imports none of them.
 */
export class EmbeddedStack {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dataDir: string,
    readonly url: string,
    private readonly output: () => string,
  ) {}

  static async start(): Promise<EmbeddedStack> {
    const dataDir = mkdtempSync(join(tmpdir(), 'tminus-cli-e2e-'));
    const port = await freePort();
    // What `npm start` runs after its build step (test/global-setup.ts builds before the tests).
    const child = spawn(process.execPath, ['dist/apps/embedded/src/main.js'], {
      cwd: REPOSITORY_ROOT,
      env: {
        ...process.env,
        TMINUS_DATA_DIR: dataDir,
        PORT: String(port),
        TMINUS_ADMIN_TOKEN: ADMIN_TOKEN,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-32_000)));
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-32_000)));
    const stack = new EmbeddedStack(child, dataDir, `http://127.0.0.1:${port}`, () => output);
    await stack.waitForHealth(90_000);
    return stack;
  }

  async graphql<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Data; errors?: unknown[] };
    if (body.errors?.length || !body.data)
      throw new Error(`GraphQL failed: ${JSON.stringify(body.errors ?? body)}`);
    return body.data;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async waitForHealth(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the stack exited:\n${this.output()}`);
      const healthy = await fetch(`${this.url}/health`)
        .then((response) => response.status === 200)
        .catch(() => false);
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the stack did not become healthy:\n${this.output()}`);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}
