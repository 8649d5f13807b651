import { randomBytes } from 'node:crypto';
import { GraphqlClient, GraphqlRequestError } from '../../apps/embedded/src/client/graphql-client';
import type { Ledger, Operation, OperationTarget, Outcome } from './ledger';

/** Where the clients send their mutations: the gateways that are up right now. */
export interface GatewayPool {
  /** GraphQL URLs by gateway index, undefined while that gateway is down (a balancer's health check). */
  urls(): (string | undefined)[];
}

export interface WorkloadOptions {
  readonly adminToken: string;
  readonly clients: number;
  /** The clients stop starting operations once the ledger holds this many. */
  readonly operations: number;
  readonly itemsPerChecklist: number;
  /** Tick/untick operations per launch before the client starts a new launch. */
  readonly togglesPerLaunch: number;
  readonly timeoutMs: number;
}

/** A launch the workload created, with its team, checklist and items (what the checker reads back). */
export interface World {
  readonly run: string;
  teamId?: string;
  launchId?: string;
  checklistId?: string;
  readonly itemIds: string[];
}

export const TICK_EVIDENCE_PREFIX = 'https://chaos.example/op/';

/** A rule's refusal carries a domain code such as CHECKLIST.ITEM_ALREADY_DONE; anything else is no answer. */
export const classify = (error: unknown): { outcome: Exclude<Outcome, 'acknowledged'>; error: string } => {
  if (error instanceof GraphqlRequestError && error.codes.some((code) => code.includes('.')))
    return { outcome: 'refused', error: error.codes.join(',') };
  const codes = error instanceof GraphqlRequestError ? error.codes.join(',') : (error as Error).name;
  return { outcome: 'unknown', error: `${codes}: ${(error as Error).message.slice(0, 160)}` };
};

const MUTATIONS = {
  createTeam: 'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
  createLaunch: 'mutation($input: CreateLaunchInput!) { createLaunch(input: $input) { id } }',
  requireTeam:
    'mutation($input: LaunchTeamInput!) { requireTeam(input: $input) { id teams { team { id } checklist { id } } } }',
  addChecklistItem: 'mutation($input: AddChecklistItemInput!) { addChecklistItem(input: $input) { id } }',
  tickItem: 'mutation($input: TickItemInput!) { tickItem(input: $input) { id state } }',
  untickItem: 'mutation($input: ItemRefInput!) { untickItem(input: $input) { id state } }',
};

export interface ItemModel {
  readonly id: string;
  /** The tick that made it DONE, undefined while OPEN. */
  doneBy?: string;
}

/**
 * Concurrent clients, each creating launches one after another (a team, a launch requiring it, the
 * checklist's items) and toggling their items, each mutation through whichever gateway is next. Items
 * are toggled strictly one operation at a time, so the order of an item's acknowledged changes is
 * known. An item (or launch) whose last operation got no answer is left alone from then on: its state
 * is then uncertain by design, and the checker only asks that the unanswered change happened at most once.
 */
export class Workload {
  readonly worlds: World[] = [];
  private stopped = false;
  private turn = 0;

  constructor(
    private readonly ledger: Ledger,
    private readonly gateways: GatewayPool,
    private readonly options: WorkloadOptions,
  ) {}

  get done(): boolean {
    return this.stopped || this.ledger.operations.length >= this.options.operations;
  }

  stop(): void {
    this.stopped = true;
  }

  async run(): Promise<void> {
    await Promise.all(Array.from({ length: this.options.clients }, (_, client) => this.client(client)));
  }

  /** Creates a launch with a checklist of items (also used by faults that need items of their own). */
  async createWorld(client: number): Promise<{ world: World; items: ItemModel[] } | undefined> {
    const run = `${randomBytes(4).toString('hex')}`;
    const world: World = { run, itemIds: [] };
    this.worlds.push(world);
    world.teamId = (
      await this.send<{ createTeam: { id: string } }>(
        client,
        'createTeam',
        {},
        { input: { key: `chaos-${run}`, name: `Chaos ${run}`, function: 'OTHER' } },
        { created: (answer) => ({ teamId: answer.createTeam.id }) },
      )
    )?.createTeam.id;
    if (!world.teamId) return undefined;
    const targetDate = new Date(Date.now() + 30 * 86_400_000).toISOString();
    world.launchId = (
      await this.send<{ createLaunch: { id: string } }>(
        client,
        'createLaunch',
        {},
        { input: { key: `chaos-${run}`, name: `Chaos ${run}`, targetDate } },
        { created: (answer) => ({ launchId: answer.createLaunch.id }) },
      )
    )?.createLaunch.id;
    if (!world.launchId) return undefined;
    const required = await this.send<{
      requireTeam: { teams: { team: { id: string } | null; checklist: { id: string } | null }[] };
    }>(
      client,
      'requireTeam',
      { launchId: world.launchId, teamId: world.teamId },
      {
        input: { launchId: world.launchId, teamId: world.teamId },
      },
    );
    world.checklistId = required?.requireTeam.teams.find((t) => t.team?.id === world.teamId)?.checklist?.id;
    if (!world.checklistId) return undefined;
    const items: ItemModel[] = [];
    for (let index = 0; index < this.options.itemsPerChecklist; index += 1) {
      const added = await this.send<{ addChecklistItem: { id: string } }>(
        client,
        'addChecklistItem',
        { launchId: world.launchId, checklistId: world.checklistId },
        { input: { checklistId: world.checklistId, title: `Item ${index + 1}`, required: true } },
        { created: (answer) => ({ itemId: answer.addChecklistItem.id }) },
      );
      if (!added) break;
      world.itemIds.push(added.addChecklistItem.id);
      items.push({ id: added.addChecklistItem.id });
    }
    return { world, items };
  }

  /** One tick or untick of an item, by the item's known state; false when the item must be left alone. */
  async toggle(client: number, world: World, item: ItemModel): Promise<boolean> {
    const target: OperationTarget = {
      launchId: world.launchId,
      checklistId: world.checklistId,
      itemId: item.id,
    };
    if (item.doneBy === undefined) {
      const id = this.ledger.nextId();
      const answer = await this.send(
        client,
        'tickItem',
        target,
        {
          input: { itemId: item.id, evidenceUrl: `${TICK_EVIDENCE_PREFIX}${id}` },
        },
        { id },
      );
      if (answer) item.doneBy = id;
      return answer !== undefined;
    }
    const answer = await this.send(
      client,
      'untickItem',
      { ...target, afterTickId: item.doneBy },
      {
        input: { itemId: item.id },
      },
    );
    if (answer) item.doneBy = undefined;
    return answer !== undefined;
  }

  private async client(client: number): Promise<void> {
    while (!this.done) {
      const created = await this.createWorld(client);
      if (!created) continue;
      let live = created.items;
      for (let toggles = 0; toggles < this.options.togglesPerLaunch && live.length > 0; toggles += 1) {
        if (this.done) return;
        const item = live[Math.floor(Math.random() * live.length)];
        if (!(await this.toggle(client, created.world, item))) live = live.filter((i) => i !== item);
      }
    }
  }

  /** Sends one mutation through the next gateway that is up; the data when acknowledged. */
  async send<Data>(
    client: number,
    kind: Operation['kind'],
    target: OperationTarget,
    variables: Record<string, unknown>,
    extra: { id?: string; created?: (answer: Data) => OperationTarget } = {},
  ): Promise<Data | undefined> {
    const { url, gateway } = await this.nextGateway();
    const graphql = new GraphqlClient({
      url,
      token: this.options.adminToken,
      timeoutMs: this.options.timeoutMs,
    });
    const { answer, operation } = await this.ledger.record(
      kind,
      { client, gateway, target, id: extra.id },
      () => graphql.request<Data>(MUTATIONS[kind], variables),
      classify,
    );
    if (answer !== undefined && extra.created) Object.assign(operation.target, extra.created(answer));
    return answer;
  }

  private async nextGateway(): Promise<{ url: string; gateway: number }> {
    for (;;) {
      const urls = this.gateways.urls();
      for (let tries = 0; tries < urls.length; tries += 1) {
        this.turn = (this.turn + 1) % urls.length;
        const url = urls[this.turn];
        if (url) return { url, gateway: this.turn };
      }
      // Every gateway is down: wait for one to come back rather than count failures nobody sent.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
