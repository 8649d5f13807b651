import { startCpuMeter } from './cpu';
import { generateLoad } from './generator';
import type { LoadSpec } from './load-spec';
import type { CpuShare, Throughput } from './verdict';

/** Latencies rounded to 0.01 ms: the table shows what autocannon's histogram resolves. */
const round = (ms: number): number => Math.round(ms * 100) / 100;

/**
 * A warm-up load (unmeasured: JIT, connections, caches), then the measured one from a fresh generator
 * process, with the CPU share of every named server process over the measured window (the generator's
 * own share comes from the generator).
 */
export async function measureLoad(
  label: string,
  spec: LoadSpec,
  warmupSeconds: number,
  servers: Readonly<Record<string, number | undefined>>,
): Promise<{ throughput: Throughput; cpu: CpuShare[] }> {
  if (warmupSeconds > 0) await generateLoad({ ...spec, durationSeconds: warmupSeconds });
  let meter: ReturnType<typeof startCpuMeter> | undefined;
  const result = await generateLoad(spec, () => (meter = startCpuMeter(servers)));
  const cpu = [...(meter?.stop() ?? []), { process: 'generator', percentOfCore: result.generatorCpuPercent }];
  for (const sample of result.errorSamples) console.error(`  ${label}: ${sample}`);
  return {
    throughput: {
      label,
      perSecond: result.perSecond,
      p50Ms: round(result.p50Ms),
      p99Ms: round(result.p99Ms),
      requests: result.requests,
      errors: result.errors,
    },
    cpu,
  };
}
