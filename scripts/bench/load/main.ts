/**
 * `npm run bench:load [-- S1e S3 …] [--quick]`: the goals of issue #12, each measured beside its peer
 * in the same run, with an autocannon generator in its own process. Prints the table (scenario, goal,
 * measured, peer, ratio, per-process CPU, PASS/FAIL); a full run of every scenario also writes it to
 * docs/benchmarks.md. `--quick`: short loads for development (figures not comparable).
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from '../../build/build';
import { installAbortHandlers } from './cleanup';
import { selectScenarios } from './select';
import { SCENARIOS } from './scenarios';
import { resultNotes, resultsTable } from './table';
import type { ScenarioResult } from './verdict';
import type { Scenario } from './scenarios/scenario';

const REPORT = join(__dirname, '../../../docs/benchmarks.md');

const failedRun = (scenario: Scenario, error: unknown): ScenarioResult => ({
  id: scenario.id,
  title: `${scenario.description}: did not complete`,
  goal: {},
  measured: { label: 'none', perSecond: 0, p50Ms: 0, p99Ms: 0, requests: 0, errors: 1 },
  cpu: [],
  note: `did not complete: ${String((error as Error)?.message ?? error).split('\n')[0]}`,
});

function settingsOf(quick: boolean) {
  return quick
    ? { quick, warmupSeconds: 1, durationSeconds: 3 }
    : { quick, warmupSeconds: 3, durationSeconds: 10 };
}

function report(results: readonly ScenarioResult[], settings: ReturnType<typeof settingsOf>, took: number) {
  const notes = resultNotes(results);
  return [
    '# Benchmarks (`npm run bench:load`)',
    '',
    `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ` +
      `load average at the end ${loadavg()[0].toFixed(2)}. Generator: autocannon in its own process; ` +
      `${settings.warmupSeconds} s warm-up, ${settings.durationSeconds} s measured per row; whole run ${took.toFixed(0)} s.`,
    'CPU is each process\u2019s user+system time over the measured window, in % of one core. The generator runs ' +
      'on the same machine: the server gets what it leaves.',
    '',
    resultsTable(results),
    ...(notes ? ['', notes] : []),
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const selection = selectScenarios(
    SCENARIOS,
    argv.filter((a) => !a.startsWith('--')),
  );
  if ('unknown' in selection) {
    console.error(
      `Unknown scenario(s): ${selection.unknown.join(', ')}. Known: ${SCENARIOS.map((s) => s.id).join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }
  installAbortHandlers();
  const settings = settingsOf(quick);
  const started = performance.now();
  await build(); // the embedded scenarios spawn the compiled app
  const results: ScenarioResult[] = [];
  for (const scenario of selection.scenarios) {
    console.log(`→ ${scenario.id}: ${scenario.description}`);
    try {
      results.push(...(await scenario.run(settings)));
    } catch (error) {
      // One broken scenario must not cost the others' figures: it shows as a failed row.
      console.error(error);
      results.push(failedRun(scenario, error));
    }
  }
  const text = report(results, settings, (performance.now() - started) / 1000);
  console.log(`\n${text}`);
  if (!quick && selection.all) {
    await writeFile(REPORT, text);
    console.log(`written to ${REPORT}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
