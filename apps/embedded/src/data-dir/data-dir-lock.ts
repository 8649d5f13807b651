import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'tminus.lock';

/**
 * An empty or unreadable lock file younger than this is a holder still writing it (a lock written by
 * an earlier version, which created the file before writing its pid), not a stale one.
 */
export const EMPTY_LOCK_GRACE_MS = 10_000;

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    /** Undefined when the holder had not written its pid yet. */
    readonly pid: number | undefined,
  ) {
    super(
      `${dataDir} is in use by another tminus process (${pid === undefined ? 'pid not written yet' : `pid ${pid}`}); stop it or choose another TMINUS_DATA_DIR`,
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  release(): void;
}

/** True when a process with this id exists (signal 0 checks without sending anything). */
const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One process per data directory: the in-process bus hands each partition to one consumer inside
 * one process, and two processes on the same files would both deliver it. A lock left by a process
 * that died (kill -9) is taken over.
 */
export function lockDataDir(dataDir: string, pid = process.pid): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createWithContent(path, `${pid}\n`)) return { release: () => releaseIfOurs(path, pid) };
    const holder = readHolder(path);
    if (holder === undefined && isRecent(path)) throw new DataDirInUseError(dataDir, undefined);
    if (holder !== undefined && holder !== pid && isAlive(holder))
      throw new DataDirInUseError(dataDir, holder);
    // Stale (or unreadable for long): remove and try once more; a rival doing the same loses the link.
    rmSync(path, { force: true });
  }
  throw new DataDirInUseError(dataDir, readHolder(path));
}

/**
 * Creates `path` holding `content`, or returns false if it exists. The content is written to a
 * private file first and hard-linked into place (link fails if the name exists, atomically), so
 * the lock is never seen empty: a rival reading it always finds the holder's pid.
 */
function createWithContent(path: string, content: string): boolean {
  const draft = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(draft, content, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

function isRecent(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < EMPTY_LOCK_GRACE_MS;
  } catch {
    return false;
  }
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function releaseIfOurs(path: string, pid: number): void {
  if (readHolder(path) === pid) rmSync(path, { force: true });
}
