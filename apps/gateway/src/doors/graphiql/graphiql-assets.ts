import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One file the GraphiQL page loads, served from an installed package (never from a CDN). */
export interface GraphiqlAsset {
  /** The name under `/graphiql/assets/`. */
  readonly name: string;
  readonly packageName: string;
  /** The file inside the package. */
  readonly file: string;
  readonly contentType: string;
}

/**
 * GraphiQL 3 ships a UMD bundle with the graphql-ws client inside (so subscriptions work) and its
 * fonts inlined in the CSS; it expects React 18 and ReactDOM as globals, which their UMD builds provide.
 */
export const GRAPHIQL_ASSETS: readonly GraphiqlAsset[] = [
  asset('react.production.min.js', 'react', 'umd/react.production.min.js'),
  asset('react-dom.production.min.js', 'react-dom', 'umd/react-dom.production.min.js'),
  asset('graphiql.min.js', 'graphiql', 'graphiql.min.js'),
  asset('graphiql.min.css', 'graphiql', 'graphiql.min.css'),
];

function asset(name: string, packageName: string, file: string): GraphiqlAsset {
  const contentType = name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
  return { name, packageName, file, contentType };
}

/** Finds a package's folder; `undefined` when it is not installed. */
export type PackageLocator = (packageName: string) => string | undefined;

/** Node's own resolution from this file; `<pkg>/package.json` is exported by every package used here. */
const nodeModulesLocator: PackageLocator = (packageName) => {
  try {
    return dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    return undefined;
  }
};

export interface LocatedAssets {
  /** Absolute path of every asset that exists, by its served name. */
  readonly files: ReadonlyMap<string, { readonly path: string; readonly asset: GraphiqlAsset }>;
  /** Packages to install for the page to work (empty when all are there). */
  readonly missingPackages: readonly string[];
}

export function locateGraphiqlAssets(locate: PackageLocator = nodeModulesLocator): LocatedAssets {
  const files = new Map<string, { path: string; asset: GraphiqlAsset }>();
  const missing = new Set<string>();
  for (const item of GRAPHIQL_ASSETS) {
    const root = locate(item.packageName);
    const path = root === undefined ? undefined : join(root, item.file);
    if (path !== undefined && existsSync(path)) files.set(item.name, { path, asset: item });
    else missing.add(item.packageName);
  }
  return { files, missingPackages: [...missing] };
}
