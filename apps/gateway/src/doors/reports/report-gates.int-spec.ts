import { startGateStack, type GateStack } from '../../../test/support/gate-stack';
import { ReportsModule } from './reports.module';

/** Reports list the environments pipelines asked about through the REST gate (audited in the gateway's log). */
describe('the launch report and REST gate audits', () => {
  let stack: GateStack;

  beforeAll(async () => {
    stack = await startGateStack({ extraModules: [ReportsModule] });
  });
  afterAll(() => stack.close());

  it('lists an environment a pipeline asked about', async () => {
    const launch = await stack.seedLaunch(1);
    const pipeline = await stack.createToken('PIPELINE', 'deploy-bot');
    const asked = await fetch(`${stack.url}/v1/gates/${launch.launchKey}?environment=qa-eu`, {
      headers: { authorization: `Bearer ${pipeline}` },
    });
    expect(asked.status).toBe(200); // qa-eu has the lenient non-production default policy
    const manager = await stack.createToken('LAUNCH_MANAGER');
    const report = await fetch(`${stack.url}/v1/launches/${launch.launchKey}/report?format=csv`, {
      headers: { authorization: `Bearer ${manager}` },
    });
    expect(report.status).toBe(200);
    expect((await report.text()).split('\n').filter((line) => line.startsWith('gate,'))).toEqual([
      expect.stringContaining('production'),
      expect.stringContaining('qa-eu'),
    ]);
  });
});
