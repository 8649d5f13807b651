/**
 * Synthetic data directories kept between bench runs (1M events take minutes to write), under the
 * system's temporary directory and keyed by the generator's version: a hash of the files that decide
 * what it writes (the generator itself and the schemas of the files it fills). A run works on a copy,
 * since starting on a directory changes it (identity rows, manifest, the measurement's own events).
 * A cached history is written again after a week: it ends when it was written, and its first timers
 * (items due, waivers expiring, hypercare ending) come due a few weeks later (write-data-dir.ts).
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataDir, type DataDirReport } from './write-data-dir';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** What the cached directory's content depends on, relative to the repository root. */
const GENERATOR_SOURCES = [
  'scripts/bench/load/synthetic/synthetic-events.ts',
  'scripts/bench/load/synthetic/write-service-stores.ts',
  'scripts/bench/load/synthetic/write-gateway-log.ts',
  'scripts/bench/load/synthetic/write-data-dir.ts',
  'libs/event-store/src/sqlite/sqlite-schema.ts',
  'libs/messaging/src/in-process/sqlite-log.ts',
  'apps/gateway/src/core/read-model/store/schema.ts',
];

const CACHE_ROOT = join(tmpdir(), 'tminus-synthetic-data-dirs');
/** Written last: a directory without it was cut short and is written again. */
const COMPLETE = 'synthetic.complete.json';
const KEPT_FOR_MS = 7 * 86_400_000;

export function generatorVersion(): string {
  const hash = createHash('sha256');
  for (const file of GENERATOR_SOURCES) hash.update(file).update(readFileSync(join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

/** Written less than a week ago: its history ends `events` seconds after its start. */
function isFresh(complete: string, events: number): boolean {
  if (!existsSync(complete)) return false;
  const { start } = JSON.parse(readFileSync(complete, 'utf8')) as Partial<DataDirReport>;
  return typeof start === 'string' && Date.now() - (Date.parse(start) + events * 1000) < KEPT_FOR_MS;
}

export interface CachedDataDir {
  /** A fresh copy of the synthetic directory, the caller's to start on and delete. */
  readonly dir: string;
  /** True when this call wrote the synthetic directory (not found in the cache). */
  readonly generated: boolean;
  readonly report: DataDirReport;
}

/** A copy of the synthetic data directory holding `events` events, written first if not cached. */
export async function copyOfSyntheticDataDir(events: number): Promise<CachedDataDir> {
  const cached = join(CACHE_ROOT, `${generatorVersion()}-${events}`);
  const generated = !isFresh(join(cached, COMPLETE), events);
  if (generated) {
    // Older versions of the same size are of no more use (and over a gigabyte each at 1M).
    // (Another run's partial directory is left alone: it may still be writing.)
    const sameSize = new RegExp(`^[0-9a-f]{16}-${events}$`);
    for (const entry of existsSync(CACHE_ROOT) ? readdirSync(CACHE_ROOT) : [])
      if (sameSize.test(entry)) rmSync(join(CACHE_ROOT, entry), { recursive: true, force: true });
    const partial = `${cached}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    const report = await writeDataDir(partial, events);
    writeFileSync(join(partial, COMPLETE), JSON.stringify(report));
    renameSync(partial, cached);
  }
  const report = JSON.parse(readFileSync(join(cached, COMPLETE), 'utf8')) as DataDirReport;
  const dir = mkdtempSync(join(tmpdir(), 'tminus-bench-synthetic-'));
  cpSync(cached, dir, { recursive: true, filter: (source) => !source.endsWith(COMPLETE) });
  return { dir, generated, report };
}
