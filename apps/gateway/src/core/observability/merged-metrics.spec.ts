import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { mergedMetrics } from './merged-metrics';

/** A registry shaped like one app's: Node.js defaults, a lag gauge every app has, and its own metrics. */
function appRegistry(group: string, commandService?: string): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({ name: 'tminus_consumer_lag', help: 'lag', labelNames: ['group'], registers: [registry] }).set(
    { group },
    3,
  );
  new Histogram({
    name: 'http_request_duration_seconds',
    help: 'http',
    labelNames: ['route'],
    registers: [registry],
  }).observe({ route: commandService ? '/ignored' : '/graphql' }, 0.01);
  if (commandService) {
    const duration = new Histogram({
      name: 'tminus_command_duration_seconds',
      help: 'command duration',
      labelNames: ['service', 'command_type', 'outcome'],
      buckets: [0.01, 0.1],
      registers: [registry],
    });
    duration.observe({ service: commandService, command_type: 'TickItem', outcome: 'ACCEPTED' }, 0.005);
    duration.observe({ service: commandService, command_type: 'TickItem', outcome: 'ACCEPTED' }, 0.05);
  }
  return registry;
}

const familyLines = (text: string, kind: 'HELP' | 'TYPE') =>
  text.split('\n').filter((line) => line.startsWith(`# ${kind} `));

describe('mergedMetrics (one /metrics for the apps of one process)', () => {
  const gateway = appRegistry('tminus-gateway.embedded');
  const services = [
    appRegistry('tminus-launches', 'launches'),
    appRegistry('tminus-checklists', 'checklists'),
  ];

  it("adds the services' tminus_* series to the gateway's, every metric family once", async () => {
    const text = await mergedMetrics(gateway, services);
    const types = familyLines(text, 'TYPE').map((line) => line.split(' ')[2]);
    expect(new Set(types).size).toBe(types.length);
    expect(text).toContain('# TYPE tminus_command_duration_seconds histogram');
    expect(text).toContain(
      'tminus_command_duration_seconds_bucket{le="0.01",service="launches",command_type="TickItem",outcome="ACCEPTED"} 1',
    );
    expect(text).toContain(
      'tminus_command_duration_seconds_count{service="checklists",command_type="TickItem",outcome="ACCEPTED"} 2',
    );
    for (const group of ['tminus-gateway.embedded', 'tminus-launches', 'tminus-checklists'])
      expect(text).toContain(`tminus_consumer_lag{group="${group}"} 3`);
  });

  it("keeps the process and HTTP metrics the gateway's alone (the same process, counted once)", async () => {
    const text = await mergedMetrics(gateway, services);
    const own = await gateway.metrics();
    const startLine = (metrics: string) =>
      metrics.split('\n').find((line) => line.startsWith('process_start_time_seconds '));
    expect(startLine(text)).toBeDefined();
    expect(startLine(text)).toBe(startLine(own));
    expect(text).toContain('http_request_duration_seconds_count{route="/graphql"} 1');
    expect(text).not.toContain('/ignored');
  });

  it('with no in-process services is the gateway registry as it is', async () => {
    const text = await mergedMetrics(gateway, []);
    expect(familyLines(text, 'TYPE')).toEqual(familyLines(await gateway.metrics(), 'TYPE'));
  });
});
