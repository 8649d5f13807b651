import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUseError, EMPTY_LOCK_GRACE_MS, LOCK_FILE, lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tminus-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // A pid that cannot belong to a live process (above Linux's pid_max limit).
  const DEAD_PID = 4_194_305;

  it('takes a free directory and gives it back on release', () => {
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a directory held by a live process, naming it', () => {
    // This test's own process is alive: lock as if another process were asking.
    lockDataDir(dir);
    expect(() => lockDataDir(dir, DEAD_PID)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir, DEAD_PID)).toThrow(`pid ${process.pid}`);
  });

  it('takes over a lock left by a process that died', () => {
    writeFileSync(join(dir, LOCK_FILE), `${DEAD_PID}\n`);
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('does not remove a lock another process took since', () => {
    const lock = lockDataDir(dir);
    writeFileSync(join(dir, LOCK_FILE), `${DEAD_PID}\n`);
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(DEAD_PID));
  });

  it('treats a lock file still empty (its holder writing it) as held', () => {
    writeFileSync(join(dir, LOCK_FILE), '');
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow('pid not written yet');
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe('');
  });

  it('takes over an empty lock file left long ago', () => {
    writeFileSync(join(dir, LOCK_FILE), '');
    const longAgo = (Date.now() - EMPTY_LOCK_GRACE_MS - 60_000) / 1000;
    utimesSync(join(dir, LOCK_FILE), longAgo, longAgo);
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('leaves only the lock file behind, whether it won or lost', () => {
    lockDataDir(dir);
    expect(() => lockDataDir(dir, DEAD_PID)).toThrow(DataDirInUseError);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });
});
