/**
 * `npm run cli:build` / `npm run cli:pack`: the `tminus` CLI as its own npm package (apps/cli/package.json).
 * rolldown bundles apps/cli/src and its few libraries (commander, zod, ws, graphql-ws, yaml) into ONE
 * CommonJS file, so the package has no dependencies: `npm install -g <tarball>` only unpacks it (no
 * registry round trips, works offline, no native build). See docs/adr/0017-cli-package-and-data-in-out.md.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';

const ROOT = resolve(__dirname, '..', '..');
export const CLI_DIR = join(ROOT, 'apps', 'cli');
export const CLI_BUNDLE = join(CLI_DIR, 'dist', 'tminus.js');
/** Next to the bundle (not under dist/, which `npm run build` empties): the gateway serves it from here. */
export const CLI_PACK_DIR = join(CLI_DIR, 'dist');

export async function buildCli(): Promise<{ file: string; bytes: number }> {
  await rm(join(CLI_DIR, 'dist'), { recursive: true, force: true });
  await build({
    input: join(CLI_DIR, 'src', 'main.ts'),
    platform: 'node',
    // ws loads these native speed-ups only when installed; the bundle runs without them.
    external: ['bufferutil', 'utf-8-validate'],
    output: {
      file: CLI_BUNDLE,
      format: 'cjs',
      banner: '#!/usr/bin/env node',
      minify: true,
    },
    logLevel: 'warn',
  });
  await chmod(CLI_BUNDLE, 0o755);
  return { file: CLI_BUNDLE, bytes: (await stat(CLI_BUNDLE)).size };
}

/** Builds the bundle and packs apps/cli (into apps/cli/dist/ by default); returns the tarball's path. */
export async function packCli(destination = CLI_PACK_DIR): Promise<string> {
  await buildCli();
  await mkdir(destination, { recursive: true });
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: CLI_DIR,
    encoding: 'utf8',
  });
  const [packed] = JSON.parse(out) as { filename: string }[];
  return join(destination, packed.filename);
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
