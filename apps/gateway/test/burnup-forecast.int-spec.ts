import { seedWorld, type Seeded } from './support/seed';
import { startTestGateway, type TestGateway } from './support/test-gateway';

interface Point {
  readonly at: string;
  readonly required: number;
  readonly done: number;
  readonly waived: number;
}
interface Answer {
  readonly launch: {
    readonly readiness: {
      readonly counts: { readonly requiredItems: number; readonly doneOrWaived: number };
    };
    readonly burnup: Point[];
    readonly forecast: {
      expectedReadyAt: string | null;
      onTrack: boolean;
      slipDays: number | null;
      basis: string;
    };
  };
}

const QUERY = `query($key: String!) { launch(key: $key) {
  readiness { counts { requiredItems doneOrWaived } }
  burnup(bucket: HOUR) { at required done waived }
  forecast { expectedReadyAt onTrack slipDays ratePerDay basis }
} }`;

// Burn-up and forecast through GraphQL, replayed from the events the read model stored (SQLite).
describe('Launch.burnup and Launch.forecast', () => {
  let t: TestGateway;
  let world: Seeded;

  beforeAll(async () => {
    t = await startTestGateway();
    world = await seedWorld(t);
  });
  afterAll(() => t?.close());

  const read = async (): Promise<Answer['launch']> => {
    const answer = await t.graphql<Answer>(QUERY, { key: world.launchKey });
    if (!answer.data?.launch) throw new Error(JSON.stringify(answer.errors));
    return answer.data.launch;
  };

  it('has nothing to extrapolate before the first tick', async () => {
    const launch = await read();
    expect(launch.burnup.at(-1)).toMatchObject({ required: 1, done: 0, waived: 0 });
    expect(launch.forecast).toMatchObject({ expectedReadyAt: null, onTrack: false, slipDays: null });
  });

  it('counts the tick at once, agreeing with readiness, and forecasts the launch on track', async () => {
    const ticked = await t.graphql('mutation($i: TickItemInput!) { tickItem(input: $i) { id } }', {
      i: { itemId: world.itemId },
    });
    expect(ticked.errors).toBeUndefined();
    const launch = await read();
    const last = launch.burnup.at(-1);
    expect((last?.done ?? 0) + (last?.waived ?? 0)).toBe(launch.readiness.counts.doneOrWaived);
    expect(last).toMatchObject({ required: 1, done: 1 });
    expect(launch.forecast).toMatchObject({ onTrack: true, slipDays: 0 });
    expect(launch.forecast.basis).toMatch(/sign-offs are missing/);
  });
});
