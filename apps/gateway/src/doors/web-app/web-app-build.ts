import { execFile } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { builtSourceHash, SOURCE_HASH_FILE, webAppSourceHash, type WebAppLocation } from './web-app-files';

const run = promisify(execFile);

/** Vite's command-line entry, from this server's node_modules (undefined when not installed). */
const viteBin = (): string | undefined => {
  try {
    return join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    return undefined;
  }
};

export type BuildOutcome = 'up-to-date' | 'built';

/**
 * Builds the web app when `dist` is missing or was built from other sources (so `npm ci && npm start`
 * is enough). Vite runs in a child process into a fresh folder that then replaces `dist`, so two
 * gateways starting at once on one checkout never serve a half-written build.
 */
export async function ensureWebAppBuilt(location: WebAppLocation): Promise<BuildOutcome> {
  const wanted = webAppSourceHash(location.sourceDir);
  if (builtSourceHash(location.distDir) === wanted) return 'up-to-date';
  const vite = viteBin();
  if (vite === undefined) throw new Error('vite is not installed: run npm ci');
  const fresh = `${location.distDir}.build-${process.pid}-${Date.now()}`;
  try {
    // NODE_ENV as the server was started with (`test` under jest) would bundle React's development build.
    const env = { ...process.env, NODE_ENV: 'production' };
    const args = [
      vite,
      'build',
      location.sourceDir,
      '--outDir',
      fresh,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ];
    await run(process.execPath, args, { env });
    writeFileSync(join(fresh, SOURCE_HASH_FILE), `${wanted}\n`);
    // Another gateway may have finished first: its build of the same sources is as good as ours.
    if (builtSourceHash(location.distDir) === wanted) return 'built';
    rmSync(location.distDir, { recursive: true, force: true });
    try {
      renameSync(fresh, location.distDir);
    } catch (error) {
      if (builtSourceHash(location.distDir) !== wanted) throw error;
    }
    return 'built';
  } finally {
    if (existsSync(fresh)) rmSync(fresh, { recursive: true, force: true });
  }
}
