import type { GateResponseBody } from './gate-response';
import type { RestErrorBody } from '../http/rest-error';
import { startTestGateway } from '../../../test/support/test-gateway';
import { eventually } from '../../../test/support/eventually';
import { GatesModule } from './gates.module';
import { startGateStack, type GateStack, type SeededLaunch } from '../../../test/support/gate-stack';

interface Answer<Body> {
  readonly status: number;
  readonly body: Body;
}

async function gate<Body = GateResponseBody>(
  stack: GateStack,
  path: string,
  token: string | null,
): Promise<Answer<Body>> {
  const response = await fetch(`${stack.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Body };
}

/** The launch's gate audits as the audit log shows them (newest first). */
const gateAudits = async (stack: GateStack, launchId: string) =>
  (await stack.gateway.services.audit.page({ launchId, limit: 50 }))
    .map((entry) => entry.envelope)
    .filter((envelope) => envelope.type === 'GateEvaluated');

const historyTypes = async (stack: GateStack, launchId: string): Promise<string[]> => {
  const data = await stack.graphql<{ launch: { history: { edges: { node: { type: string } }[] } } }>(
    'query H($id: ID!) { launch(id: $id) { history(first: 50) { edges { node { type } } } } }',
    { id: launchId },
  );
  return data.launch.history.edges.map((edge) => edge.node.type);
};

/** The REST gate on a running gateway: statuses, bodies, the audit in the launch's history, failing closed. */
describe('GET /v1/gates/:launch on a running gateway', () => {
  let stack: GateStack;
  let launch: SeededLaunch;
  let pipeline: string;

  beforeAll(async () => {
    stack = await startGateStack();
    pipeline = await stack.createToken('PIPELINE', 'deploy-bot');
  });
  afterAll(() => stack.close());

  beforeEach(async () => {
    launch = await stack.seedLaunch(2);
  });

  it('is DENIED (412) while items are open, and the pipeline evaluation lands in the history', async () => {
    const answer = await gate(stack, `/v1/gates/${launch.launchKey}?environment=production`, pipeline);
    expect(answer.status).toBe(412);
    expect(answer.body).toMatchObject({
      decision: 'DENIED',
      launch: { id: launch.launchId, key: launch.launchKey },
      environment: 'production',
      readiness: { ready: false, percent: 0, counts: { requiredItems: 2, doneOrWaived: 0 } },
    });
    expect(answer.body.reasons.map((reason) => reason.code)).toEqual([
      'OPEN_REQUIRED_ITEM',
      'OPEN_REQUIRED_ITEM',
      'NOT_SIGNED_OFF',
    ]);
    expect(Number(answer.body.position)).toBeGreaterThan(0);
    // Committed before the answer went out: no waiting, and nothing sent to the launches service.
    expect(await historyTypes(stack, launch.launchId)).toContain('GateEvaluated');
    expect(await gateAudits(stack, launch.launchId)).toEqual([
      expect.objectContaining({
        streamId: launch.launchId,
        actor: { userId: 'deploy-bot', role: 'PIPELINE' },
        data: expect.objectContaining({
          environment: 'production',
          decision: 'DENIED',
          reasons: ['OPEN_REQUIRED_ITEM', 'OPEN_REQUIRED_ITEM', 'NOT_SIGNED_OFF'],
          position: answer.body.position,
          evaluatedAt: answer.body.evaluatedAt,
          evaluatedBy: 'deploy-bot',
        }),
      }),
    ]);
    expect(stack.services.commands.filter((c) => c.type === 'RecordGateEvaluation')).toEqual([]);
    const { launch: seen } = await stack.graphql<{ launch: { lastGateEvaluations: unknown[] } }>(
      'query L($id: ID!) { launch(id: $id) { lastGateEvaluations { environment decision position evaluatedBy } } }',
      { id: launch.launchId },
    );
    expect(seen.lastGateEvaluations).toEqual([
      {
        environment: 'production',
        decision: 'DENIED',
        position: answer.body.position,
        evaluatedBy: 'deploy-bot',
      },
    ]);
  });

  it('audits every one of many concurrent checks (one group commit for many)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        gate(stack, `/v1/gates/${launch.launchKey}?environment=production`, pipeline),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 412));
    const audits = await gateAudits(stack, launch.launchId);
    expect(audits).toHaveLength(40);
    expect(new Set(audits.map((audit) => audit.id)).size).toBe(40);
  });

  it('is ALLOWED (200) once every item is done and the team signed off, by id as by key', async () => {
    // Asked first, so the launch's snapshot is in memory: the ticks below must replace it.
    expect((await gate(stack, `/v1/gates/${launch.launchKey}?environment=production`, pipeline)).status).toBe(
      412,
    );
    for (const itemId of launch.itemIds) await stack.tick(itemId);
    await stack.signOff(launch.checklistId);
    const byKey = await gate(stack, `/v1/gates/${launch.launchKey}?environment=production`, pipeline);
    const byId = await gate(stack, `/v1/gates/${launch.launchId}?environment=Production`, pipeline);
    expect([byKey.status, byId.status]).toEqual([200, 200]);
    expect(byKey.body).toMatchObject({
      decision: 'ALLOWED',
      reasons: [],
      readiness: { ready: true, percent: 100 },
    });
  });

  it('records nothing for a launch manager', async () => {
    const manager = await stack.createToken('LAUNCH_MANAGER');
    expect((await gate(stack, `/v1/gates/${launch.launchKey}?environment=staging`, manager)).status).toBe(
      200,
    );
    expect(await gateAudits(stack, launch.launchId)).toEqual([]);
  });

  it.each([
    ['no token', 401, 'UNAUTHENTICATED', null, 'production'],
    ['a wrong token', 401, 'UNAUTHENTICATED', 'tm_wrong', 'production'],
    ['no environment', 400, 'BAD_USER_INPUT', 'pipeline', null],
  ])('answers %s with %i %s', async (_what, status, code, token, environment) => {
    const query = environment ? `?environment=${environment}` : '';
    const answer = await gate<RestErrorBody>(
      stack,
      `/v1/gates/${launch.launchKey}${query}`,
      token === 'pipeline' ? pipeline : token,
    );
    expect(answer).toEqual({ status, body: { error: { code, message: expect.any(String) } } });
  });

  it('answers 404 LAUNCH.NOT_FOUND for an unknown launch', async () => {
    const answer = await gate<RestErrorBody>(
      stack,
      '/v1/gates/no-such-launch?environment=production',
      pipeline,
    );
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('LAUNCH.NOT_FOUND');
  });
});

describe('the gate fails closed on a stale read model', () => {
  let stack: GateStack;
  let launch: SeededLaunch;
  let manager: string;

  beforeAll(async () => {
    stack = await startGateStack({ maxLagMs: 300 });
    // Not a pipeline: its evaluations are not audited, so asking adds no events behind the held projector.
    manager = await stack.createToken('LAUNCH_MANAGER');
    launch = await stack.seedLaunch(1);
    await stack.tick(launch.itemIds[0]);
    await stack.signOff(launch.checklistId);
  });
  afterAll(() => stack.close());

  const ask = () => gate(stack, `/v1/gates/${launch.launchKey}?environment=production`, manager);

  it('denies with READ_MODEL_STALE while events wait longer than GATE_MAX_LAG_MS, and allows once caught up', async () => {
    await eventually(async () => (await ask()).status === 200, 'a fresh, ready launch');
    stack.bus.hold();
    try {
      await stack.services.emit('teams', [
        {
          streamId: launch.teamId,
          event: { type: 'TeamRenamed', data: { teamId: launch.teamId, name: 'QA 2' } },
        },
      ]);
      await eventually(async () => (await ask()).status === 412, 'the stale answer');
      const stale = await ask();
      expect(stale.body.reasons).toEqual([
        expect.objectContaining({
          code: 'READ_MODEL_STALE',
          message: expect.stringMatching(
            /1 event\(s\) on tminus\.teams\.events waiting for [\d.]+ s, more than the 300 ms allowed/,
          ),
        }),
      ]);
    } finally {
      stack.bus.resume();
    }
    await eventually(async () => (await ask()).status === 200, 'the answer once caught up');
  });

  it('denies with READ_MODEL_STALE while the projector is stopped', async () => {
    await stack.gateway.services.projector.stop();
    try {
      const answer = await ask();
      expect(answer.status).toBe(412);
      expect(answer.body.reasons[0]).toMatchObject({
        code: 'READ_MODEL_STALE',
        message: expect.stringContaining('not running'),
      });
    } finally {
      await stack.gateway.services.projector.start();
    }
    await eventually(async () => (await ask()).status === 200, 'the answer once the projector runs again');
  });
});

describe('a PIPELINE gate call during a broker stall', () => {
  let stack: GateStack;

  beforeAll(async () => {
    stack = await startGateStack({ maxLagMs: 300 });
  });
  afterAll(() => stack.close());

  it('answers at once and keeps its audit: the audit no longer goes through the bus', async () => {
    const pipeline = await stack.createToken('PIPELINE', 'deploy-bot');
    const launch = await stack.seedLaunch(1);
    stack.bus.stallPublishes();
    try {
      const answer = await gate(stack, `/v1/gates/${launch.launchKey}?environment=production`, pipeline);
      expect(answer.status).toBe(412);
      expect(answer.body).toMatchObject({ decision: 'DENIED' });
      expect(answer.body.reasons.map((reason) => reason.code)).toEqual([
        'OPEN_REQUIRED_ITEM',
        'NOT_SIGNED_OFF',
      ]);
      expect(await gateAudits(stack, launch.launchId)).toHaveLength(1);
    } finally {
      stack.bus.resumePublishes();
    }
  });
});

describe('GatesModule as a feature module of the gateway', () => {
  it('takes the authenticator, evaluator and command sender from the core module', async () => {
    const t = await startTestGateway({ features: [GatesModule] });
    try {
      const unauthenticated = await fetch(`${t.gateway.url}/v1/gates/checkout-v2?environment=production`);
      expect(unauthenticated.status).toBe(401);
      const unknown = await fetch(`${t.gateway.url}/v1/gates/checkout-v2?environment=production`, {
        headers: { authorization: `Bearer ${t.adminToken}` },
      });
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as RestErrorBody).error.code).toBe('LAUNCH.NOT_FOUND');
    } finally {
      await t.close();
    }
  });
});
