import { readdirSync } from 'node:fs';
import type { ServiceName } from '@tminus/contracts';
import { GraphqlClient } from '../../apps/embedded/src/client/graphql-client';
import { runCommand } from '../../libs/messaging/src/local-broker/process';
import { tickCommand, type BrokerMessages } from './broker-messages';
import { kafkaBrokerPid, pauseBroker, restartBroker, resumeBroker } from './broker-process';
import type { Ledger } from './ledger';
import { SERVICES, type ChaosStack, type Replica } from './stack';
import { TICK_EVIDENCE_PREFIX, type ItemModel, type Workload, type World } from './workload';

export interface FaultContext {
  readonly stack: ChaosStack;
  readonly ledger: Ledger;
  readonly workload: Workload;
  readonly messages: BrokerMessages;
  readonly brokers: readonly string[];
  readonly log: (line: string) => void;
  /** Work that may finish during the next phases (a replica starting again); awaited before the cool-down. */
  background(task: Promise<void>): void;
}

/** What the run gives the scheduler; the scheduler adds `background` for the faults. */
export type FaultEnvironment = Omit<FaultContext, 'background'>;

/**
 * One kind of failure. `inject` starts it; the scheduler then lets the workload run (for `holdMs`, or
 * for half the phase's operations) and calls `recover`; `verify` adds the fault's own findings (e.g.
 * poison messages that did not reach the dead-letter topic) once the run is quiet.
 */
export interface Fault {
  readonly name: string;
  readonly holdMs?: number;
  inject(context: FaultContext): Promise<void>;
  recover(context: FaultContext): Promise<void>;
  verify?(context: FaultEnvironment): Promise<string[]>;
}

const firstReplicaOf = (stack: ChaosStack, app: string): Replica => {
  const replica = stack.replicas.find((r) => r.name === `${app}-1`);
  if (!replica) throw new Error(`no replica ${app}-1`);
  return replica;
};

/** kill -9 of one replica of every service at once, under load; started again after a while. */
export const serviceReplicaKill = (): Fault => ({
  name: 'kill -9 of a service replica (each service)',
  async inject({ stack, log }) {
    await Promise.all(SERVICES.map((app) => firstReplicaOf(stack, app).kill9()));
    log(`killed -9 ${SERVICES.map((app) => `${app}-1`).join(', ')}`);
  },
  async recover({ stack, background }) {
    background(Promise.all(SERVICES.map((app) => firstReplicaOf(stack, app).start())).then(() => undefined));
  },
});

export const gatewayKill = (): Fault => ({
  name: 'kill -9 of a gateway',
  async inject({ stack, log }) {
    await firstReplicaOf(stack, 'gateway').kill9();
    log('killed -9 gateway-1');
  },
  async recover({ stack, background }) {
    background(firstReplicaOf(stack, 'gateway').start());
  },
});

/** SIGSTOP of the broker's JVM for `holdMs`, then SIGCONT (never left stopped: see pauseBroker). */
export const brokerPause = (holdMs: number): Fault => {
  let pid = 0;
  return {
    name: `broker pause (SIGSTOP ${holdMs / 1000} s)`,
    holdMs,
    async inject({ brokers, log }) {
      pid = kafkaBrokerPid(brokers[0]);
      pauseBroker(pid);
      log(`SIGSTOP broker pid ${pid}`);
    },
    async recover({ log }) {
      resumeBroker(pid);
      log(`SIGCONT broker pid ${pid}`);
    },
  };
};

/** A controlled broker shutdown and start: only with --broker-restart, the broker is shared. */
export const brokerRestart = (): Fault => ({
  name: 'broker restart',
  async inject({ brokers, log }) {
    const pid = kafkaBrokerPid(brokers[0]);
    const next = await restartBroker(pid, brokers);
    log(`broker restarted: pid ${pid} -> ${next}`);
  },
  async recover() {},
});

/** `pg_ctlcluster … restart`: only with --postgres-restart, the server is shared. */
export const postgresRestart = (): Fault => ({
  name: 'PostgreSQL restart',
  async inject({ log }) {
    const [version] = readdirSync('/etc/postgresql');
    const result = await runCommand('pg_ctlcluster', [
      '--skip-systemctl-redirect',
      version,
      'main',
      'restart',
    ]);
    if (result.code !== 0) throw new Error(`pg_ctlcluster restart failed: ${result.output}`);
    log(`PostgreSQL ${version} restarted`);
  },
  async recover() {},
});

/** Malformed records on every command topic, keyed like live traffic: dead-lettered, nothing blocked. */
export const poisonMessage = (perService = 2): Fault => {
  const before = new Map<ServiceName, number>();
  return {
    name: 'poison message',
    async inject({ messages, workload, log }) {
      const live = workload.worlds.slice(-perService);
      for (const service of SERVICES) {
        before.set(service, await messages.deadLetterCount(service));
        for (const [index, world] of live.entries()) {
          const key =
            service === 'teams' ? world.teamId : service === 'launches' ? world.launchId : world.checklistId;
          await messages.poison(service, key ?? `poison-${index}`);
        }
      }
      log(`published ${perService} poison records to each command topic`);
    },
    async recover() {},
    async verify({ messages }) {
      const problems: string[] = [];
      for (const service of SERVICES) {
        const expected = (before.get(service) ?? 0) + perService;
        const found = await waitForCount(() => messages.deadLetterCount(service), expected, 60_000);
        if (found < expected)
          problems.push(
            `${service}: ${found - (before.get(service) ?? 0)} of ${perService} poison records dead-lettered`,
          );
      }
      return problems;
    },
  };
};

/**
 * The same TickItem envelope twice in one batch, then (after an acknowledged untick through a gateway)
 * once more: a service that applied a command id twice would tick the item again, a second event with
 * the same operation id, which the checker counts as duplicated.
 */
export const duplicateDelivery = (items = 3): Fault => {
  const redeliveries: { world: World; item: ItemModel; command: ReturnType<typeof tickCommand> }[] = [];
  return {
    name: 'duplicated command delivery',
    async inject(context) {
      const { workload, ledger, messages, log } = context;
      // Right after another fault a mutation may time out: try a few launches before giving up.
      let created: Awaited<ReturnType<Workload['createWorld']>>;
      for (let attempt = 1; !created && attempt <= 6; attempt += 1) created = await workload.createWorld(-1);
      if (!created) throw new Error('could not create the launch for the duplicate-delivery fault');
      for (const item of created.items.slice(0, items)) {
        const id = ledger.nextId();
        const command = tickCommand(created.world.checklistId!, item.id, `${TICK_EVIDENCE_PREFIX}${id}`);
        const { operation } = await ledger.record(
          'tickItem',
          {
            client: -1,
            gateway: -1,
            id,
            target: {
              launchId: created.world.launchId,
              checklistId: created.world.checklistId,
              itemId: item.id,
            },
          },
          () => messages.deliver('checklists', command, 2),
          (error) => ({ outcome: 'unknown', error: (error as Error).message }),
        );
        if (operation.outcome !== 'acknowledged') continue;
        await waitForItemState(context, created.world, item.id, 'DONE');
        item.doneBy = id;
        if (await workload.toggle(-1, created.world, item))
          redeliveries.push({ world: created.world, item, command });
      }
      log(`delivered ${items} tick commands twice each`);
    },
    async recover({ messages, log }) {
      for (const { command } of redeliveries) await messages.deliver('checklists', command, 1);
      log(`delivered them a third time after an untick`);
    },
  };
};

/** A third checklists replica joins the consumer group (a rebalance), then leaves (another one). */
export const replicaJoins = (): Fault => {
  let extra: Replica | undefined;
  return {
    name: 'consumer-group rebalance (a replica joins, then leaves)',
    async inject({ stack, log }) {
      extra = await stack.addServiceReplica('checklists');
      log(`${extra.name} joined`);
    },
    async recover({ stack }) {
      if (extra) await stack.removeReplica(extra);
    },
  };
};

async function waitForCount(
  read: () => Promise<number>,
  expected: number,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await read();
    if (count >= expected || Date.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function waitForItemState(
  { stack }: FaultContext,
  world: World,
  itemId: string,
  state: string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const gateway = stack.gateways.find((g) => g.isRunning);
    if (gateway) {
      const client = new GraphqlClient({ url: gateway.graphqlUrl, token: stack.adminToken });
      const { launch } = await client.request<{
        launch: { teams: { checklist: { items: { id: string; state: string }[] } | null }[] };
      }>('query($id: ID!) { launch(id: $id) { teams { checklist { items { id state } } } } }', {
        id: world.launchId,
      });
      const item = launch.teams.flatMap((t) => t.checklist?.items ?? []).find((i) => i.id === itemId);
      if (item?.state === state) return;
    }
    if (Date.now() > deadline) throw new Error(`item ${itemId} never became ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
