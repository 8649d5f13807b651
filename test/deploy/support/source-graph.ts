import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/** The tsconfig paths of the monorepo: `@tminus/<lib>` is `libs/<lib>/src/index.ts`. */
const LIB_ALIAS = /^@tminus\/([a-z-]+)$/;

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();

/** Where an import lands inside the repository, or null for a package from node_modules. */
export function resolveImport(root: string, fromFile: string, specifier: string): string | null {
  const alias = LIB_ALIAS.exec(specifier);
  if (alias) return join(root, 'libs', alias[1], 'src', 'index.ts');
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base, `${base}.ts`, join(base, 'index.ts')];
  const found = candidates.find((candidate) => candidate.endsWith('.ts') && isFile(candidate));
  if (!found) throw new Error(`${relative(root, fromFile)}: cannot resolve import '${specifier}'`);
  return found;
}

/** Module specifiers of a file: static imports, re-exports, require() and import(). */
export function importsOf(sourceText: string): string[] {
  return ts.preProcessFile(sourceText, true, true).importedFiles.map((file) => file.fileName);
}

/**
 * Every repository file an entry point loads, transitively: what runs in the image, and so the
 * only code whose environment reads count. Paths are relative to `root`, sorted.
 */
export function reachableSources(root: string, entry: string): string[] {
  const seen = new Set<string>();
  const pending = [resolve(root, entry)];
  if (!isFile(pending[0])) throw new Error(`entry ${entry} does not exist`);
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolveImport(root, file, specifier);
      if (target && !seen.has(target)) pending.push(target);
    }
  }
  return [...seen].map((file) => relative(root, file)).sort();
}
