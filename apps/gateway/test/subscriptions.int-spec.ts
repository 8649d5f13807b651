import type { Client } from 'graphql-ws';
import { eventually } from './support/eventually';
import { createToken, seedWorld, type Seeded } from './support/seed';
import { startTestGateway, type TestGateway } from './support/test-gateway';
import { failureOf, wsClient } from './support/ws-client';

const READINESS = `subscription($launchId: ID!) {
  readinessChanged(launchId: $launchId) {
    launchId launchKey status position
    readiness { ready percent counts { requiredItems doneOrWaived } blockers { code item } }
  }
}`;

const ACTIVITY = `subscription($launchId: ID!) {
  launchActivity(launchId: $launchId) { id launchId type summary actor { userId role } }
}`;

interface Change {
  launchId: string;
  launchKey: string;
  status: string;
  position: string;
  readiness: {
    ready: boolean;
    percent: number;
    counts: { requiredItems: number; doneOrWaived: number };
    blockers: { code: string; item: string | null }[];
  };
}

describe('subscriptions over graphql-ws', () => {
  let t: TestGateway;
  let world: Seeded;
  const clients: Client[] = [];
  const client = (token: string | null) => {
    const created = wsClient(t.gateway.url, token);
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    t = await startTestGateway();
    world = await seedWorld(t);
  });
  afterAll(async () => {
    for (const created of clients) await created.dispose();
    await t.close();
  });

  it('sends the current readiness first, then a new one after each event of the launch', async () => {
    const changes = client(t.adminToken).iterate<{ readinessChanged: Change }>({
      query: READINESS,
      variables: { launchId: world.launchKey },
    });
    const first: Change | undefined = (await changes.next()).value?.data?.readinessChanged;
    expect(first).toMatchObject({
      launchId: world.launchId,
      launchKey: world.launchKey,
      status: 'PLANNING',
      readiness: { ready: false, counts: { requiredItems: 1, doneOrWaived: 0 } },
    });
    expect(first?.readiness.blockers).toContainEqual({
      code: 'OPEN_REQUIRED_ITEM',
      item: 'Regression suite green',
    });

    await t.graphql('mutation($input: TickItemInput!) { tickItem(input: $input) { id } }', {
      input: { itemId: world.itemId },
    });
    const second: Change | undefined = (await changes.next()).value?.data?.readinessChanged;
    expect(second?.readiness).toMatchObject({ percent: 100, counts: { requiredItems: 1, doneOrWaived: 1 } });
    expect(second?.readiness.blockers.map((blocker) => blocker.code)).toEqual(['NOT_SIGNED_OFF']);
    expect(Number(second?.position)).toBeGreaterThan(Number(first?.position));
    await changes.return?.();
  });

  it('streams history entries of the launch as they happen', async () => {
    const activity = client(t.adminToken).iterate<{
      launchActivity: { type: string; summary: string; actor: unknown };
    }>({
      query: ACTIVITY,
      variables: { launchId: world.launchId },
    });
    const first = activity.next();
    const feed = t.gateway.services.feed;
    await eventually(
      () => feed.subscriberCount(world.launchId, 'activity') > 0,
      'the subscription to be registered',
    );
    await t.graphql('mutation($input: BlockItemInput!) { blockItem(input: $input) { id } }', {
      input: { itemId: world.optionalItemId, reason: 'staging is down' },
    });
    const entry = (await first).value?.data?.launchActivity;
    expect(entry).toMatchObject({
      type: 'ChecklistItemBlocked',
      actor: { userId: 'admin', role: 'ADMIN' },
    });
    expect(entry?.summary).toContain('Exploratory session');
    await activity.return?.();
  });

  it('refuses a connection without a valid token (close code 4403)', async () => {
    await expect(failureOf(client(null), READINESS, { launchId: world.launchId })).resolves.toEqual({
      closeCode: 4403,
    });
    await expect(
      failureOf(client('tm_not-a-token'), READINESS, { launchId: world.launchId }),
    ).resolves.toEqual({
      closeCode: 4403,
    });
  });

  it('lets pipelines wait on readiness but not read activity', async () => {
    const pipeline = await createToken(t, { name: 'ci', role: 'PIPELINE' });
    const changes = client(pipeline.token).iterate({
      query: READINESS,
      variables: { launchId: world.launchId },
    });
    expect((await changes.next()).value?.data).toHaveProperty('readinessChanged.launchId', world.launchId);
    await changes.return?.();
    const errors = await failureOf(client(pipeline.token), ACTIVITY, { launchId: world.launchId });
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
  });

  it('answers LAUNCH.NOT_FOUND for an unknown launch', async () => {
    const errors = await failureOf(client(t.adminToken), READINESS, { launchId: 'no-such-launch' });
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'LAUNCH.NOT_FOUND' } })]);
  });
});
