import { ADMIN_TOKEN, startGateStack, type GateStack, type SeededLaunch } from './support/gate-stack';
import { postGraphql } from './support/test-gateway';
import { RawGraphqlWs } from './support/raw-graphql-ws';

const TICK = 'mutation($input: TickItemInput!) { tickItem(input: $input) { id } }';
const READINESS = `subscription($launchId: ID!) { readinessChanged(launchId: $launchId) { launchId } }`;

/**
 * Degrade, don't die: with the bus stalled (publishes never return, as while kafkajs retries against an
 * unreachable broker) or failing, mutations, subscriptions and gate calls answer, and nothing leaves an
 * unhandled rejection behind (Node ends the process on one).
 */
describe('the gateway during a broker outage', () => {
  let stack: GateStack;
  let launch: SeededLaunch;
  let pipeline: string;
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    stack = await startGateStack({ maxLagMs: 300, commandTimeoutMs: 500 });
    pipeline = await stack.createToken('PIPELINE', 'deploy-bot');
    launch = await stack.seedLaunch(1);
    process.on('unhandledRejection', record);
  });
  afterAll(async () => {
    process.off('unhandledRejection', record);
    await stack.close();
  });

  const gate = async () => {
    const response = await fetch(`${stack.url}/v1/gates/${launch.launchKey}?environment=production`, {
      headers: { authorization: `Bearer ${pipeline}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const tick = () => postGraphql(stack.url, TICK, { input: { itemId: launch.itemIds[0] } }, pipeline);
  const tickAsAdmin = () =>
    postGraphql(stack.url, TICK, { input: { itemId: launch.itemIds[0] } }, ADMIN_TOKEN);
  /** Unhandled rejections are reported once the microtask queue drains: let a macrotask pass. */
  const noUnhandledRejection = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  };

  it('answers mutations COMMAND_TIMEOUT (with the command id), gates 412, and keeps subscriptions, while publishes stall', async () => {
    const socket = await RawGraphqlWs.connect(stack.url, pipeline);
    stack.bus.stallPublishes();
    try {
      const mutation = await tickAsAdmin();
      expect(mutation.errors?.[0]?.extensions).toMatchObject({
        code: 'COMMAND_TIMEOUT',
        commandId: expect.any(String),
      });
      expect((await gate()).status).toBe(412);
      expect(await socket.acknowledged()).toBe(true);
      expect(await socket.run('r', READINESS, { launchId: launch.launchId })).toMatchObject({ kind: 'next' });
      expect((await tick()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      stack.bus.resumePublishes();
      socket.close();
    }
    await noUnhandledRejection();
  });

  it('answers mutations with errors, not a crash, and gates as usual, while publishes fail', async () => {
    stack.bus.failPublishes(new Error('broker unreachable'));
    try {
      expect((await tickAsAdmin()).errors?.[0]?.extensions?.code).toBe('INTERNAL');
      // A pipeline check's audit goes to the gateway's own log (ADR 0014), not through the broker: the gate still
      // decides (the seeded launch is not ready).
      const answer = await gate();
      expect(answer.status).toBe(412);
      expect(answer.body).toMatchObject({ decision: 'DENIED', launch: { key: launch.launchKey } });
    } finally {
      stack.bus.failPublishes(null);
    }
    await noUnhandledRejection();
  });
});
