import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedProcess } from '../../../../apps/embedded/src/client/embedded-process';
import { GraphqlClient } from '../../../../apps/embedded/src/client/graphql-client';
import { stopOnAbort } from '../cleanup';

export interface EmbeddedStack {
  readonly process: EmbeddedProcess;
  readonly admin: GraphqlClient;
  readonly adminToken: string;
  close(): Promise<void>;
}

export interface EmbeddedStackOptions {
  /**
   * A data directory to start on (a throwaway copy: it is deleted on close), e.g. one holding a
   * synthetic history; default: a new empty one.
   */
  readonly dataDir?: string;
  /** Default: EmbeddedProcess's. A big data directory takes longer (every store file is checked first). */
  readonly readyTimeoutMs?: number;
}

/**
 * `npm start`'s process (compiled; the harness builds first) on a throwaway data directory. The
 * per-token rate limit is lifted: the bench measures the hot path, not the limiter's 429s.
 */
export async function startEmbedded(options: EmbeddedStackOptions = {}): Promise<EmbeddedStack> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'tminus-bench-load-')));
  const embedded = await EmbeddedProcess.start({
    dataDir,
    ...(options.readyTimeoutMs ? { readyTimeoutMs: options.readyTimeoutMs } : {}),
    env: {
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
    },
    // BENCH_CPU_PROF_DIR=/some/dir: the embedded process writes a V8 CPU profile there when it exits.
    nodeArgs: process.env.BENCH_CPU_PROF_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
      : [],
  });
  const adminToken = await embedded.adminToken();
  const kill = async () => void (await embedded.kill('SIGKILL'));
  const unregister = stopOnAbort(kill);
  return {
    process: embedded,
    adminToken,
    admin: new GraphqlClient({ url: embedded.graphqlUrl, token: adminToken }),
    async close() {
      unregister();
      await embedded.kill('SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
