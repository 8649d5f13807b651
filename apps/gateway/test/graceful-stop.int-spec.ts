import { ADMIN_TOKEN, startGateStack, type GateStack } from './support/gate-stack';
import { eventually } from './support/eventually';
import { postGraphql } from './support/test-gateway';

const TICK = 'mutation($input: TickItemInput!) { tickItem(input: $input) { id } }';

/** A stop drains: no new connections, the requests in flight get their answers, then it closes. */
describe('stopping the gateway', () => {
  let stack: GateStack;

  beforeAll(async () => {
    stack = await startGateStack();
  });
  afterAll(() => stack.close());

  it('answers a mutation in flight when the stop begins, and refuses new connections meanwhile', async () => {
    const launch = await stack.seedLaunch(1);
    const { services } = stack.gateway;
    stack.bus.stallPublishes();
    const inFlight = postGraphql<{ tickItem: { id: string } }>(
      stack.url,
      TICK,
      { input: { itemId: launch.itemIds[0] } },
      ADMIN_TOKEN,
    );
    await eventually(() => services.pending.size === 1, 'the mutation to wait for its outcome');

    const closing = stack.gateway.close();
    await eventually(
      () =>
        fetch(`${stack.url}/health/live`).then(
          () => false,
          () => true,
        ),
      'new connections to be refused',
    );
    stack.bus.resumePublishes();

    const answer = await inFlight;
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.tickItem.id).toBe(launch.itemIds[0]);
    await closing;
  });
});
