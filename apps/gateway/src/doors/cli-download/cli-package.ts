import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** The packed `@tminus/cli` the gateway hands to pipelines, found where `npm run cli:pack` puts it. */
export interface CliPackage {
  readonly fileName: string;
  readonly bytes: Buffer;
}

/** `TMINUS_CLI_DIR`, default `apps/cli/dist` under the working directory (the repository, /app in images). */
export const cliPackageDir = (
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): string => resolve(cwd, env.TMINUS_CLI_DIR?.trim() || join('apps', 'cli', 'dist'));

const TARBALL = /^tminus-cli-\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\.tgz$/;
/** A CLI tarball is ~100 KiB: anything far bigger is not one. */
const MAX_BYTES = 20 * 1024 * 1024;

/** The newest tarball in `dir` (by modification time), or null when none was packed there. */
export async function findCliPackage(dir: string): Promise<CliPackage | null> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const candidates = await Promise.all(
    names
      .filter((name) => TARBALL.test(name))
      .map(async (name) => ({ name, stats: await stat(join(dir, name)).catch(() => null) })),
  );
  const newest = candidates
    .filter((candidate) => candidate.stats?.isFile() && candidate.stats.size <= MAX_BYTES)
    .sort((a, b) => (b.stats?.mtimeMs ?? 0) - (a.stats?.mtimeMs ?? 0))[0];
  if (newest === undefined) return null;
  return { fileName: newest.name, bytes: await readFile(join(dir, newest.name)) };
}
