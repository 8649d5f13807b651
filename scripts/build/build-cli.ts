/**
 * `npm run cli:build` / `npm run cli:pack`: the `tminus` CLI as its own npm package (apps/cli/package.json).
 * rolldown bundles apps/cli/src and its few libraries (commander, zod, ws, graphql-ws, yaml) into ONE
 * CommonJS file, so the package has no dependencies: `npm install -g <tarball>` only unpacks it (no
 * registry round trips, works offline, no native build). See docs/adr/0017-cli-package-and-data-in-out.md.
 */
import { execFileSync } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';

const ROOT = resolve(__dirname, '..', '..');
export const CLI_DIR = join(ROOT, 'apps', 'cli');
export const CLI_BUNDLE = join(CLI_DIR, 'dist', 'tminus.js');
/** Next to the bundle (not under dist/, which `npm run build` empties): the gateway serves it from here. */
export const CLI_PACK_DIR = join(CLI_DIR, 'dist');

/** Bundles the CLI into `file` (default apps/cli/dist/tminus.js). */
export async function buildCli(file = CLI_BUNDLE): Promise<{ file: string; bytes: number }> {
  await rm(file, { force: true });
  await build({
    input: join(CLI_DIR, 'src', 'main.ts'),
    platform: 'node',
    // ws loads these native speed-ups only when installed; the bundle runs without them.
    external: ['bufferutil', 'utf-8-validate'],
    output: {
      file,
      format: 'cjs',
      banner: '#!/usr/bin/env node',
      minify: true,
    },
    logLevel: 'warn',
  });
  await chmod(file, 0o755);
  return { file, bytes: (await stat(file)).size };
}

/**
 * Bundles and packs the package into `destination` (default apps/cli/dist/, replacing older tarballs there);
 * returns the tarball's path. It packs from a staging copy (package.json, README.md, dist/tminus.js), so
 * parallel packs (tests) never see each other's half-written bundle.
 */
export async function packCli(destination = CLI_PACK_DIR): Promise<string> {
  const stage = await mkdtemp(join(tmpdir(), 'tminus-cli-stage-'));
  try {
    await buildCli(join(stage, 'dist', 'tminus.js'));
    await copyFile(join(CLI_DIR, 'package.json'), join(stage, 'package.json'));
    await copyFile(join(CLI_DIR, 'README.md'), join(stage, 'README.md'));
    await mkdir(destination, { recursive: true });
    for (const old of (await readdir(destination)).filter((name) => /^tminus-cli-.*\.tgz$/.test(name)))
      await rm(join(destination, old), { force: true });
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
      cwd: stage,
      encoding: 'utf8',
    });
    const [packed] = JSON.parse(out) as { filename: string }[];
    return join(destination, packed.filename);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const started = Date.now();
  const pack = process.argv.includes('--pack');
  // `--out DIR`: where the tarball goes (tests pack into a temporary folder).
  const outAt = process.argv.indexOf('--out');
  const destination = outAt > 0 ? resolve(process.argv[outAt + 1]) : CLI_PACK_DIR;
  (pack ? packCli(destination) : buildCli().then((built) => built.file)).then(
    async (file) => {
      const kib = ((await stat(file)).size / 1024).toFixed(0);
      console.log(`${file} (${kib} KiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
    (error: unknown) => {
      console.error(`cli build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
