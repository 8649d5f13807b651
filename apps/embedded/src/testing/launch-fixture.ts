import { randomUUID } from 'node:crypto';
import { eventually as poll } from '@tminus/testing';
import type { GraphqlClient } from '../client/graphql-client';

export interface ChecklistFixture {
  readonly launchId: string;
  readonly checklistId: string;
  /** Item ids by title, in creation order. */
  readonly items: readonly { readonly id: string; readonly title: string }[];
}

export interface ItemSnapshot {
  readonly id: string;
  readonly title: string;
  readonly state: string;
}

/** Polls `read` until it returns a value (checklists open asynchronously, on TeamRequired). */
const eventually = <T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> =>
  poll(read, (value) => value !== undefined, { what, timeoutMs, intervalMs: 50 }) as Promise<T>;

/** A team, a launch requiring it, and its checklist with `itemTitles` added by hand, all through the API. */
export async function createChecklistFixture(
  client: GraphqlClient,
  itemTitles: readonly string[],
): Promise<ChecklistFixture> {
  const suffix = randomUUID().slice(0, 8);
  const { createTeam } = await client.request<{ createTeam: { id: string } }>(
    'mutation T($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
    { input: { key: `team-${suffix}`, name: `Team ${suffix}`, function: 'OTHER' } },
  );
  const { createLaunch } = await client.request<{ createLaunch: { id: string } }>(
    'mutation L($input: CreateLaunchInput!) { createLaunch(input: $input) { id } }',
    {
      input: {
        key: `launch-${suffix}`,
        name: `Launch ${suffix}`,
        targetDate: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    },
  );
  await client.request('mutation R($input: LaunchTeamInput!) { requireTeam(input: $input) { id } }', {
    input: { launchId: createLaunch.id, teamId: createTeam.id },
  });
  const checklistId = await eventually(async () => {
    const { launch } = await client.request<{ launch: { teams: { checklist: { id: string } | null }[] } }>(
      'query C($id: ID!) { launch(id: $id) { teams { checklist { id } } } }',
      { id: createLaunch.id },
    );
    return launch.teams[0]?.checklist?.id;
  }, `the checklist of launch ${createLaunch.id}`);
  const items: { id: string; title: string }[] = [];
  for (const title of itemTitles) {
    const { addChecklistItem } = await client.request<{ addChecklistItem: { id: string } }>(
      'mutation A($input: AddChecklistItemInput!) { addChecklistItem(input: $input) { id } }',
      { input: { checklistId, title, required: true } },
    );
    items.push({ id: addChecklistItem.id, title });
  }
  return { launchId: createLaunch.id, checklistId, items };
}

export const TICK = 'mutation Tick($input: TickItemInput!) { tickItem(input: $input) { id state } }';
export const UNTICK = 'mutation Untick($input: ItemRefInput!) { untickItem(input: $input) { id state } }';

export async function itemStates(client: GraphqlClient, launchId: string): Promise<ItemSnapshot[]> {
  const { launch } = await client.request<{
    launch: { teams: { checklist: { items: ItemSnapshot[] } | null }[] };
  }>('query S($id: ID!) { launch(id: $id) { teams { checklist { items { id title state } } } } }', {
    id: launchId,
  });
  return launch.teams.flatMap((team) => team.checklist?.items ?? []);
}

/** Every history entry of the launch (all pages), newest first. */
export async function launchHistory(
  client: GraphqlClient,
  launchId: string,
): Promise<{ type: string; summary: string }[]> {
  type Page = {
    edges: { cursor: string; node: { type: string; summary: string } }[];
    pageInfo: { hasNextPage: boolean };
  };
  const entries: { type: string; summary: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const { launch }: { launch: { history: Page } } = await client.request(
      'query H($id: ID!, $after: String) { launch(id: $id) { history(first: 50, after: $after) { edges { cursor node { type summary } } pageInfo { hasNextPage } } } }',
      { id: launchId, after },
    );
    entries.push(...launch.history.edges.map((edge) => edge.node));
    if (!launch.history.pageInfo.hasNextPage || launch.history.edges.length === 0) return entries;
    after = launch.history.edges[launch.history.edges.length - 1].cursor;
  }
}
