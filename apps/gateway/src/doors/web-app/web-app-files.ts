import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The built app, read into memory at start (a few hundred kB): names never become paths. */
export interface BuiltWebApp {
  readonly indexHtml: string;
  readonly assets: ReadonlyMap<string, WebAppAsset>;
}

export interface WebAppAsset {
  readonly body: Buffer;
  /** The same bytes gzipped once at start (JS and CSS shrink to about a third). */
  readonly gzipped: Buffer;
  readonly contentType: string;
}

/** Where the web app's sources live: `apps/web` of the checkout this gateway runs from. */
export interface WebAppLocation {
  readonly sourceDir: string;
  readonly distDir: string;
}

/** Walks up from this file to the folder holding `apps/web/index.html` (works from src and from dist). */
export function locateWebApp(from: string = __dirname): WebAppLocation | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const sourceDir = join(dir, 'apps', 'web');
    if (existsSync(join(sourceDir, 'index.html'))) return { sourceDir, distDir: join(sourceDir, 'dist') };
    if (dirname(dir) === dir) return null;
  }
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });

/** What a build depends on: the app's sources and the locked dependency versions. */
export function webAppSourceHash(sourceDir: string): string {
  const hash = createHash('sha256');
  const lock = join(sourceDir, '..', '..', 'package-lock.json');
  const inputs = [
    join(sourceDir, 'index.html'),
    join(sourceDir, 'vite.config.mts'),
    ...filesUnder(join(sourceDir, 'src')).filter((path) => !path.endsWith('.d.ts')),
    ...(existsSync(lock) ? [lock] : []),
  ].sort();
  for (const path of inputs) {
    hash.update(relative(sourceDir, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

/** The file a build leaves next to index.html, naming the sources it was built from. */
export const SOURCE_HASH_FILE = '.source-hash';

export function builtSourceHash(distDir: string): string | null {
  const path = join(distDir, SOURCE_HASH_FILE);
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const contentTypeOf = (name: string): string =>
  CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';

const assetOf = (body: Buffer, name: string): WebAppAsset => ({
  body,
  gzipped: gzipSync(body, { level: 9 }),
  contentType: contentTypeOf(name),
});

export function readBuiltWebApp(distDir: string): BuiltWebApp {
  const assetsDir = join(distDir, 'assets');
  const names = existsSync(assetsDir)
    ? readdirSync(assetsDir).filter((name) => statSync(join(assetsDir, name)).isFile())
    : [];
  return {
    indexHtml: readFileSync(join(distDir, 'index.html'), 'utf8'),
    assets: new Map(names.map((name) => [name, assetOf(readFileSync(join(assetsDir, name)), name)])),
  };
}
