/**
 * Preloaded (`-r dist/scripts/bench/load/heap-probe.js`, with `--expose-gc`) into a process the bench
 * measures: on SIGUSR2 it collects garbage (twice: weak references and finalizers let more go on the
 * second pass) and prints one JSON line `{"heapProbe":{...}}` on stderr with process.memoryUsage().
 * Bench-only; no production start loads it.
 */
const collect = (globalThis as { gc?: () => void }).gc;

process.on('SIGUSR2', () => {
  collect?.();
  collect?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const heapProbe = { gc: collect !== undefined, rss, heapUsed, heapTotal, external };
  process.stderr.write(`${JSON.stringify({ heapProbe })}\n`);
});
