import { GraphqlClient } from '../../apps/embedded/src/client/graphql-client';
import type { World } from './workload';

export interface ReadItem {
  readonly id: string;
  readonly state: string;
  readonly evidenceUrl: string | null;
}

/** What the gateways' read model shows of the workload's launches and teams. */
export interface ReadModelView {
  readonly teams: Set<string>;
  /** Launch id → the team ids it requires. */
  readonly launches: Map<string, Set<string>>;
  readonly items: Map<string, ReadItem>;
}

const LAUNCH = `query($id: ID!) { launch(id: $id) { id teams { team { id } checklist { items { id state evidenceUrl } } } } }`;
const TEAM = `query($id: ID!) { team(id: $id) { id } }`;

interface LaunchAnswer {
  launch: {
    id: string;
    teams: { team: { id: string } | null; checklist: { items: ReadItem[] } | null }[];
  } | null;
}

/** Reads every launch and team the workload touched through GraphQL (`concurrency` requests at a time). */
export async function readModel(
  graphqlUrl: string,
  token: string,
  worlds: readonly World[],
  concurrency = 8,
): Promise<ReadModelView> {
  const client = new GraphqlClient({ url: graphqlUrl, token, timeoutMs: 30_000 });
  const view: ReadModelView = { teams: new Set(), launches: new Map(), items: new Map() };
  const queue = [...worlds];
  const worker = async (): Promise<void> => {
    for (let world = queue.shift(); world; world = queue.shift()) {
      if (world.teamId) {
        const { team } = await client.request<{ team: { id: string } | null }>(TEAM, { id: world.teamId });
        if (team) view.teams.add(team.id);
      }
      if (world.launchId) {
        const { launch } = await client.request<LaunchAnswer>(LAUNCH, { id: world.launchId });
        if (!launch) continue;
        view.launches.set(launch.id, new Set(launch.teams.flatMap((t) => (t.team ? [t.team.id] : []))));
        for (const item of launch.teams.flatMap((t) => t.checklist?.items ?? []))
          view.items.set(item.id, item);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return view;
}
