import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'tminus.lock';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `${dataDir} is in use by another tminus process (pid ${pid}); stop it or choose another TMINUS_DATA_DIR`,
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
    try {
      writeFileSync(path, `${pid}\n`, { flag: 'wx', mode: 0o600 });
      return { release: () => releaseIfOurs(path, pid) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder !== undefined && holder !== pid && isAlive(holder))
        throw new DataDirInUseError(dataDir, holder);
      // Stale (or unreadable): remove and try once more; a rival doing the same loses on 'wx'.
      rmSync(path, { force: true });
    }
  }
  throw new DataDirInUseError(dataDir, readHolder(path) ?? -1);
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
