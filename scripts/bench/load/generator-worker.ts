/**
 * The load generator's own process (forked by generator.ts): autocannon against one URL, so the
 * generator's CPU is never the server's and never the harness's. Receives one LoadSpec over IPC and
 * answers one LoadResult.
 */
import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load-spec';

const MAX_SAMPLES = 5;

async function run(spec: LoadSpec, seconds: number) {
  let cursor = 0;
  let errors = 0;
  const samples = new Set<string>();
  const expected = new Set(spec.expectedStatuses ?? []);
  const bodies = spec.bodies;
  const fail = (sample: string) => {
    errors++;
    if (samples.size < MAX_SAMPLES) samples.add(sample.slice(0, 300));
  };
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: seconds,
    requests: [
      {
        method: spec.method,
        headers: { ...spec.headers },
        setupRequest: (request: autocannon.Request) =>
          bodies ? { ...request, body: bodies[cursor++ % bodies.length] } : request,
        onResponse: (status: number, body: string) => {
          const ok = expected.size > 0 ? expected.has(status) : status >= 200 && status < 300;
          if (!ok) fail(`HTTP ${status}: ${body}`);
          else if (spec.graphql && body.includes('"errors"')) fail(body);
        },
      },
    ],
  });
  return { result, errors, samples };
}

process.once('message', (spec: LoadSpec) => {
  void (async () => {
    process.send?.({ kind: 'started' });
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const { result, errors, samples } = await run(spec, spec.durationSeconds);
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = performance.now() - started;
    // autocannon counts expected non-2xx (the gate's 412) as non2xx; our own check decides instead.
    const answer: LoadResult = {
      requests: result.requests.total,
      seconds: result.duration,
      perSecond: result.requests.total / result.duration,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: errors + result.errors + result.timeouts,
      errorSamples: [...samples],
      generatorCpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    };
    process.send?.({ kind: 'result', result: answer }, () => process.exit(0));
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
