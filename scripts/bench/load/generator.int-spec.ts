import { generateLoad } from './generator';
import { startPeer, type PeerProcess } from './peers/peer-process';

/** The generator's bookkeeping, against the Fastify peer: what it counts, not how fast anything is. */
describe('load generator (its own process, autocannon)', () => {
  let hello: PeerProcess;
  beforeAll(async () => {
    hello = await startPeer('fastify-hello', '/hello');
  });
  afterAll(() => hello.stop());

  const load = (expectedStatuses?: number[]) =>
    generateLoad({
      url: hello.url,
      method: 'GET',
      headers: {},
      connections: 2,
      durationSeconds: 1,
      expectedStatuses,
    });

  it('counts answered requests and reports latency and its own CPU', async () => {
    let started = false;
    const result = await generateLoad(
      { url: hello.url, method: 'GET', headers: {}, connections: 2, durationSeconds: 1 },
      () => (started = true),
    );
    expect(started).toBe(true);
    expect(result.requests).toBeGreaterThan(0);
    expect(result.errors).toBe(0);
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
    expect(result.generatorCpuPercent).toBeGreaterThan(0);
  });

  it('counts every answer with an unexpected status as an error, with samples for the log', async () => {
    const result = await load([404]);
    expect(result.errors).toBeGreaterThanOrEqual(result.requests);
    expect(result.errorSamples[0]).toContain('HTTP 200');
  });
});
