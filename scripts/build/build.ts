/**
 * `npm run build`: compiles apps, libs and scripts to JavaScript under dist/ with swc (the same
 * transform jest and @swc-node/register use: legacy decorators with their metadata, which Nest's
 * dependency injection needs). Type checking is `npm run typecheck`; this step only emits.
 * Path aliases (@tminus/*) are rewritten to relative paths, so `node dist/apps/<app>/src/main.js`
 * runs with production dependencies only (docs/adr/0012-build-and-run.md).
 */
import { transformFile, type Options } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
/** What is compiled; tests never are, and the web app has its own bundler (Vite). */
const SOURCE_ROOTS = ['apps', 'libs', 'scripts'];
const SKIPPED = [/\.(int-|e2e-)?spec\.ts$/, /\.d\.ts$/, /^apps\/web\//, /\/test\//, /\/fixture\//];

const LIBS = ['contracts', 'event-store', 'messaging', 'testing', 'service-kit', 'tracing'];

export function swcOptions(): Options {
  return {
    swcrc: false,
    sourceMaps: true,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: ROOT,
      paths: {
        ...Object.fromEntries(LIBS.map((lib) => [`@tminus/${lib}`, [`libs/${lib}/src/index.ts`]])),
        '@tminus/tracing/register': ['libs/tracing/src/register.ts'],
      },
    },
    module: { type: 'commonjs' },
  };
}

async function* sourceFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(ROOT, path);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') yield* sourceFiles(path);
    } else if (entry.name.endsWith('.ts') && !SKIPPED.some((pattern) => pattern.test(rel))) {
      yield path;
    }
  }
}

async function compile(file: string, options: Options): Promise<void> {
  const out = join(DIST, relative(ROOT, file)).replace(/\.ts$/, '.js');
  const result = await transformFile(file, { ...options, filename: file, outputPath: out });
  await mkdir(dirname(out), { recursive: true });
  const mapName = `${out.split('/').pop()}.map`;
  await writeFile(out, `${result.code}\n//# sourceMappingURL=${mapName}\n`);
  if (result.map) await writeFile(`${out}.map`, result.map);
}

export async function build(): Promise<number> {
  await rm(DIST, { recursive: true, force: true });
  const options = swcOptions();
  const files: string[] = [];
  for (const root of SOURCE_ROOTS) for await (const file of sourceFiles(join(ROOT, root))) files.push(file);
  await Promise.all(files.map((file) => compile(file, options)));
  return files.length;
}

if (require.main === module) {
  const started = Date.now();
  build().then(
    (count) =>
      console.log(`built ${count} files into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`),
    (error: unknown) => {
      console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
