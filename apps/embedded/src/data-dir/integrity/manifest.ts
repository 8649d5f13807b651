import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirDamagedError } from './data-dir-damaged-error';
import type { StoreKind } from './store-files';

export const MANIFEST_FILE = 'tminus.manifest.json';

/** What the data directory was initialised with: the proof that a store file once existed. */
export interface DataDirManifest {
  readonly format: 1;
  readonly dataDirId: string;
  readonly createdAt: string;
  /** File name → what it holds, for every store file created (or adopted) in this directory. */
  readonly stores: Readonly<Record<string, StoreKind>>;
}

export const newManifest = (
  stores: Readonly<Record<string, StoreKind>>,
  dataDirId: string = randomUUID(),
): DataDirManifest => ({ format: 1, dataDirId, createdAt: new Date().toISOString(), stores });

export function readManifest(root: string): DataDirManifest | undefined {
  const path = join(root, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const manifest = parse(text);
  if (!manifest)
    throw new DataDirDamagedError(
      path,
      'is not a readable tminus manifest',
      'restore it from a backup of this data directory',
    );
  return manifest;
}

function parse(text: string): DataDirManifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<DataDirManifest>;
    const valid =
      value.format === 1 &&
      typeof value.dataDirId === 'string' &&
      typeof value.stores === 'object' &&
      value.stores !== null;
    return valid ? (value as DataDirManifest) : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary file, flushed, then renamed over: a reader sees the old manifest or the new one. */
export function writeManifest(root: string, manifest: DataDirManifest): void {
  const path = join(root, MANIFEST_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flush: true });
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
  syncDirectory(root);
}

/** Makes the rename itself durable (the directory entry), not only the file's content. */
function syncDirectory(root: string): void {
  const fd = openSync(root, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
