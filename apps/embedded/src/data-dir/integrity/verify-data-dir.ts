import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import type { DataDirLayout } from '../data-dir';
import { DataDirDamagedError } from './data-dir-damaged-error';
import { newManifest, readManifest, writeManifest, type DataDirManifest } from './manifest';
import { checkReadModelNotAhead } from './read-model-positions';
import { inspectStore, stampStore, type StoreIdentity } from './store-identity';
import { STORE_SCHEMA_VERSION, storeFilesOf, type StoreFile, type StoreKind } from './store-files';

export type DataDirState =
  /** An empty directory: every store file was created with its identity row, then the manifest. */
  | 'initialised'
  /** Every store file is there, whole, and this directory's. */
  | 'verified'
  /** A directory from before manifests: its files were checked, stamped and listed. */
  | 'adopted';

/**
 * Checks every store file before anything opens it (a store would silently create a missing or empty
 * file afresh). Throws {@link DataDirDamagedError} naming the first file that is missing, empty,
 * damaged, from another data directory or of another kind; the caller refuses to start.
 */
export function verifyDataDir(layout: DataDirLayout): DataDirState {
  const files = storeFilesOf(layout);
  const manifest = readManifest(layout.root);
  if (manifest) {
    verifyListedFiles(layout.root, files, manifest);
    checkReadModelNotAhead(files);
    return 'verified';
  }
  const present = files.filter((file) => sizeOf(file) !== undefined);
  if (present.length === 0) {
    initialise(layout.root, files, randomUUID());
    return 'initialised';
  }
  adopt(layout.root, files);
  checkReadModelNotAhead(files);
  return 'adopted';
}

function verifyListedFiles(root: string, files: readonly StoreFile[], manifest: DataDirManifest): void {
  const unlisted: StoreFile[] = [];
  for (const file of files) {
    if (manifest.stores[file.name] === undefined) unlisted.push(file);
    else verifyFile(file, manifest.dataDirId, 'this data directory was initialised with it');
  }
  // A store file this version has and the directory's first version did not: created now, as on a first start.
  if (unlisted.length > 0) {
    stampAll(unlisted, manifest.dataDirId);
    writeManifest(root, {
      ...manifest,
      stores: { ...manifest.stores, ...kindsOf(unlisted) },
    });
  }
}

function verifyFile(file: StoreFile, dataDirId: string, why: string): void {
  const size = sizeOf(file);
  if (size === undefined) throw damaged(file, `is missing, but ${why}`);
  if (size === 0) throw damaged(file, `is empty (0 bytes), but ${why}`);
  const { identity } = inspectStore(file);
  checkIdentity(file, identity, dataDirId);
}

function checkIdentity(file: StoreFile, identity: StoreIdentity | undefined, dataDirId: string): void {
  if (!identity) throw damaged(file, 'has no tminus identity row: it was not created in this data directory');
  if (identity.kind !== file.kind)
    throw damaged(file, `holds the ${identity.kind} store, not the ${file.kind} store (files swapped?)`);
  if (identity.dataDirId !== dataDirId)
    throw damaged(
      file,
      `belongs to another data directory (id ${identity.dataDirId}, this one is ${dataDirId})`,
    );
  if (identity.schemaVersion > STORE_SCHEMA_VERSION)
    throw damaged(
      file,
      `was written by a newer tminus (store schema ${identity.schemaVersion}, this one knows up to ${STORE_SCHEMA_VERSION})`,
    );
}

/**
 * A directory written before manifests existed: every store file must be there and whole (all five
 * were always created together), then each gets its identity row and the manifest lists them.
 */
function adopt(root: string, files: readonly StoreFile[]): void {
  const why = 'the other store files of this data directory hold data';
  const identities = files.map((file) => {
    const size = sizeOf(file);
    if (size === undefined) throw damaged(file, `is missing, but ${why}`);
    if (size === 0) throw damaged(file, `is empty (0 bytes), but ${why}`);
    return inspectStore(file).identity;
  });
  // Files stamped by a start that died before writing the manifest keep their id.
  const dataDirId = identities.find((identity) => identity)?.dataDirId ?? randomUUID();
  files.forEach((file, i) => {
    if (identities[i]) checkIdentity(file, identities[i], dataDirId);
  });
  initialise(root, files, dataDirId);
}

/** Identity rows first, manifest last: a crash in between leaves files a later start adopts. */
function initialise(root: string, files: readonly StoreFile[], dataDirId: string): void {
  stampAll(files, dataDirId);
  writeManifest(root, newManifest(kindsOf(files), dataDirId));
}

function stampAll(files: readonly StoreFile[], dataDirId: string): void {
  for (const file of files)
    stampStore(file, { kind: file.kind, dataDirId, schemaVersion: STORE_SCHEMA_VERSION });
}

const kindsOf = (files: readonly StoreFile[]): Record<string, StoreKind> =>
  Object.fromEntries(files.map((file) => [file.name, file.kind]));

function sizeOf(file: StoreFile): number | undefined {
  try {
    return statSync(file.path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const damaged = (file: StoreFile, problem: string) =>
  new DataDirDamagedError(file.path, problem, file.remedy);
