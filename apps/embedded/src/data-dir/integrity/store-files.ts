import type { DataDirLayout } from '../data-dir';

/** What a store file holds: checked against the identity row inside it, so files cannot be swapped. */
export type StoreKind =
  'event-store:launches' | 'event-store:teams' | 'event-store:checklists' | 'read-model' | 'bus';

export interface StoreFile {
  readonly kind: StoreKind;
  /** The file's name inside the data directory (the manifest's key). */
  readonly name: string;
  readonly path: string;
  /** What the operator should do when the file is lost or damaged (one clause, for the refusal line). */
  readonly remedy: string;
}

const RESTORE = 'restore it from a backup taken while tminus was stopped';

/** Every SQLite file of the embedded mode, with what it holds and how to get it back. */
export const storeFilesOf = (layout: DataDirLayout): readonly StoreFile[] => [
  { kind: 'event-store:launches', name: 'launches.db', path: layout.launchesDb, remedy: RESTORE },
  { kind: 'event-store:teams', name: 'teams.db', path: layout.teamsDb, remedy: RESTORE },
  { kind: 'event-store:checklists', name: 'checklists.db', path: layout.checklistsDb, remedy: RESTORE },
  {
    kind: 'read-model',
    name: 'gateway.db',
    path: layout.gatewayDb,
    // Not rebuilt automatically: it holds the API tokens and the received events a rebuild replays.
    remedy: `${RESTORE} (it holds the API tokens; \`npm run projections:rebuild\` then rebuilds its read model)`,
  },
  { kind: 'bus', name: 'bus.db', path: layout.busDb, remedy: RESTORE },
];

/** The schema generation of every store file this version writes; a newer file is refused. */
export const STORE_SCHEMA_VERSION = 1;
