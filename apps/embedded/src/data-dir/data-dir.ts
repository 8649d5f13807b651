import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The embedded mode's files, one SQLite database per service as in distributed mode, one for the bus. */
export interface DataDirLayout {
  readonly root: string;
  readonly launchesDb: string;
  readonly teamsDb: string;
  readonly checklistsDb: string;
  readonly gatewayDb: string;
  readonly busDb: string;
}

export const layoutOf = (dataDir: string): DataDirLayout => {
  const root = resolve(dataDir);
  return {
    root,
    launchesDb: join(root, 'launches.db'),
    teamsDb: join(root, 'teams.db'),
    checklistsDb: join(root, 'checklists.db'),
    gatewayDb: join(root, 'gateway.db'),
    busDb: join(root, 'bus.db'),
  };
};

export interface PreparedDataDir {
  readonly layout: DataDirLayout;
  readonly created: boolean;
  /** True when an existing directory was readable by others and was narrowed to its owner. */
  readonly tightened: boolean;
}

/**
 * Creates the data directory readable only by its owner (0700): it holds every event and the admin
 * token. An existing directory open to others is narrowed, since the token file inside is a secret.
 */
export function prepareDataDir(dataDir: string): PreparedDataDir {
  const layout = layoutOf(dataDir);
  const existed = isDirectory(layout.root);
  if (!existed) mkdirSync(layout.root, { recursive: true, mode: 0o700 });
  // mkdir's mode goes through the umask; chmod states it exactly.
  const openToOthers = (statSync(layout.root).mode & 0o077) !== 0;
  if (openToOthers || !existed) chmodSync(layout.root, 0o700);
  return { layout, created: !existed, tightened: existed && openToOthers };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
