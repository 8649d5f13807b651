/**
 * Benchmarks: `npm run bench -- <name>` (or `npm run bench:<name>`). Each creates what it measures
 * (throwaway databases, temp files) and removes it afterwards.
 */
const BENCHES: Record<string, () => Promise<void>> = {
  store: async () => (await import('./bench/store')).runStoreBenchmark(),
  commands: async () => (await import('./bench/commands')).runCommandsBenchmark(),
  gate: async () => (await import('./bench/gate')).runGateBenchmark(),
  gateway: async () => (await import('./bench/gateway')).runGatewayBenchmark(modeArgument()),
  startup: async () => (await import('./bench/startup')).runStartupBenchmark(),
  webhooks: async () => (await import('./bench/webhooks')).runWebhooksBenchmark(),
  projector: async () => (await import('./bench/projector')).runProjectorBenchmark(),
  bus: async () => (await import('./bench/in-process-bus')).runInProcessBusBenchmark(),
  incidents: async () => (await import('./bench/incidents')).runIncidentsBenchmark(modeArgument()),
};

/** `--mode embedded|distributed` (gateway and incidents benches); default embedded. */
function modeArgument(): string {
  const index = process.argv.indexOf('--mode');
  return index >= 0 ? (process.argv[index + 1] ?? 'embedded') : 'embedded';
}

async function main(argv: string[]): Promise<void> {
  const names = argv.filter((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--mode');
  const unknown = names.filter((name) => !(name in BENCHES));
  if (names.length === 0 || unknown.length > 0) {
    console.error(
      `Usage: bench <${Object.keys(BENCHES).join('|')}>…${unknown.length ? ` (unknown: ${unknown})` : ''}`,
    );
    process.exitCode = 2;
    return;
  }
  for (const name of names) await BENCHES[name]();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
