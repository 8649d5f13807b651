/**
 * `npm run bench:cli-install`: how long a pipeline takes to install the CLI package. Packs it
 * (`npm run cli:pack`), then BENCH_CLI_RUNS (default 5) times `npm install -g <tarball>` into an empty
 * prefix with an empty npm cache, offline (the package has no dependencies: nothing is fetched), and
 * runs `tminus --version` from there. Prints sizes and min / median / max.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, packCli } from '../build/build-cli';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_CLI_RUNS ?? 5);
  const tarball = await packCli();
  const bundle = await buildCli();
  const installs: number[] = [];
  const starts: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'tminus-cli-bench-'));
    try {
      let started = performance.now();
      execFileSync(
        'npm',
        [
          'install',
          '-g',
          '--prefix',
          join(dir, 'g'),
          '--cache',
          join(dir, 'cache'),
          '--offline',
          '--no-audit',
          '--no-fund',
          tarball,
        ],
        { stdio: 'pipe' },
      );
      installs.push(performance.now() - started);
      started = performance.now();
      execFileSync(join(dir, 'g', 'bin', 'tminus'), ['--version'], { stdio: 'pipe' });
      starts.push(performance.now() - started);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const kib = (file: string) => `${(statSync(file).size / 1024).toFixed(0)} KiB`;
  const ms = (values: number[]) =>
    `min ${Math.min(...values).toFixed(0)} ms, median ${median(values).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;
  console.log(`tarball ${kib(tarball)}, bundle ${kib(bundle.file)}, ${runs} runs`);
  console.log(`npm install -g (offline, empty cache): ${ms(installs)}`);
  console.log(`tminus --version after install:       ${ms(starts)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
