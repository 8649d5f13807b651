/**
 * `npm run bench:commands`: commands per second one service handles end to end on the real broker
 * and PostgreSQL — produce N commands → consume → decide → append → outbox → relay publishes →
 * observed on the events topic — and how much of that time the event store takes.
 *
 * Two services, each alone on a throwaway database and its own namespaced topics (NamespacedBus):
 *   teams       N CreateTeam commands, one new team each (spread over the topic's 3 partitions)
 *   checklists  N TickItem commands over 20 checklists of 100 items (streams grow to ~100 events)
 *
 * Columns: commands/s = N / (first produce → last outcome observed). store/handle = time inside
 * store.transaction ÷ time in the command handler (from the service's own /metrics histogram): the
 * store's share of handling. store/wall = the same store time ÷ wall time (it can pass 100%: the
 * consumer works several partitions at once). Bounded by BENCH_COMMANDS (default 2000) and a
 * 120 s timeout. Needs Kafka (`npm run infra:up`; KAFKA_BROKERS, default 127.0.0.1:19092).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import {
  allTopicSpecs,
  newId,
  Topics,
  type Actor,
  type CommandEnvelope,
  type EventEnvelope,
  type TopicName,
} from '@tminus/contracts';
import { createEventStore, type EventStore, type StoreTransaction } from '@tminus/event-store';
import {
  decodeEventEnvelope,
  deleteTopics,
  encodeCommandEnvelope,
  ensureTopics,
  KafkaBus,
  NamespacedBus,
  waitForKafka,
  type MessageBus,
} from '@tminus/messaging';
import type { RunningApp, ServiceDeps } from '@tminus/service-kit';
import { startChecklists } from '../../apps/checklists/src/index';
import { startTeams } from '../../apps/teams/src/index';
import { DEFAULT_PG_ADMIN_URL } from '../../libs/messaging/src/local-broker/settings';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 2000);
const TIMEOUT_MS = 120_000;
const PRODUCE_BATCH = 200;
const CHECKLISTS = 20;
const ITEMS_PER_CHECKLIST = 100;
const admin: Actor = { userId: 'bench', role: 'ADMIN' };

interface Row {
  readonly service: string;
  readonly commands: number;
  readonly seconds: number;
  readonly handleMs: number;
  readonly storeMs: number;
}

/** The store, timing every transaction (wall time from the call to its commit or rollback). */
function timedStore(store: EventStore): { store: EventStore; elapsedMs: () => number; reset: () => void } {
  let total = 0;
  const timed = new Proxy(store, {
    get(target, property) {
      if (property === 'transaction') {
        return async <T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> => {
          const started = performance.now();
          try {
            return await target.transaction(work);
          } finally {
            total += performance.now() - started;
          }
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: timed, elapsedMs: () => total, reset: () => void (total = 0) };
}

const command = (type: string, aggregateId: string, payload: object): CommandEnvelope => ({
  commandId: newId(),
  type,
  aggregateId,
  actor: admin,
  correlationId: newId(),
  issuedAt: new Date().toISOString(),
  payload,
});

/** Sum of the handler histogram of the service's /metrics (seconds → ms). */
async function handleMsOf(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return [...text.matchAll(/^tminus_command_duration_seconds_sum\{[^}]*\} ([0-9.e+-]+)$/gm)]
    .map((m) => Number(m[1]) * 1000)
    .reduce((a, b) => a + b, 0);
}

interface Stack {
  readonly bus: MessageBus;
  readonly app: RunningApp;
  readonly timing: ReturnType<typeof timedStore>;
  close(): Promise<void>;
}

async function startStack(
  name: string,
  brokers: string[],
  namespace: string,
  start: (deps: ServiceDeps) => Promise<RunningApp>,
): Promise<Stack> {
  const adminUrl = process.env.PG_ADMIN_URL || DEFAULT_PG_ADMIN_URL;
  const database = `t_bench_commands_${name}_${randomBytes(4).toString('hex')}`;
  const pg = new Client({ connectionString: adminUrl });
  await pg.connect();
  await pg.query(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const store = await createEventStore({ kind: 'postgres', url: url.toString(), source: `tminus.${name}` });
  const timing = timedStore(store);
  const bus = NamespacedBus.wrap(new KafkaBus({ brokers, clientId: `bench-${name}` }), namespace);
  const app = await start({ store: timing.store, bus, logger: pino({ level: 'warn' }), port: 0 });
  return {
    bus,
    app,
    timing,
    close: async () => {
      await app.close();
      await bus.close();
      await store.close();
      await pg.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await pg.end();
    },
  };
}

/** Publishes the commands and resolves once every one of them has its outcome on the events topic. */
async function roundTrip(
  stack: Stack,
  topics: { commands: TopicName; events: TopicName },
  commands: CommandEnvelope[],
) {
  const waiting = new Set(commands.map((c) => c.commandId));
  const rejected: EventEnvelope[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const observer = await stack.bus.subscribe({
    groupId: `bench-observer-${newId()}`,
    topics: [topics.events],
    fromBeginning: true,
    handle: async (message) => {
      const event = decodeEventEnvelope(message);
      if (!event.lastOfCommand || !event.commandId || !waiting.delete(event.commandId)) return;
      if (event.type === 'CommandRejected') rejected.push(event);
      if (waiting.size === 0) done();
    },
  });
  try {
    const started = performance.now();
    for (let i = 0; i < commands.length; i += PRODUCE_BATCH) {
      await stack.bus.publish(
        topics.commands,
        commands.slice(i, i + PRODUCE_BATCH).map((c) => encodeCommandEnvelope(c)),
      );
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${waiting.size} commands unanswered after ${TIMEOUT_MS} ms`)),
        TIMEOUT_MS,
      );
    });
    await Promise.race([finished, timeout]).finally(() => clearTimeout(timer));
    if (rejected.length > 0)
      throw new Error(`${rejected.length} rejected, e.g. ${JSON.stringify(rejected[0].data)}`);
    return (performance.now() - started) / 1000;
  } finally {
    await observer.stop();
  }
}

async function measureService(
  service: string,
  stack: Stack,
  topics: { commands: TopicName; events: TopicName },
  commands: CommandEnvelope[],
): Promise<Row> {
  const handleBefore = await handleMsOf(stack.app.port ?? 0);
  stack.timing.reset();
  const seconds = await roundTrip(stack, topics, commands);
  const handleMs = (await handleMsOf(stack.app.port ?? 0)) - handleBefore;
  return { service, commands: commands.length, seconds, handleMs, storeMs: stack.timing.elapsedMs() };
}

async function benchTeams(brokers: string[], namespace: string): Promise<Row> {
  const stack = await startStack('teams', brokers, namespace, startTeams);
  try {
    const topics = { commands: Topics.teamsCommands, events: Topics.teamsEvents };
    const create = (i: number) => {
      const teamId = newId();
      return command('CreateTeam', teamId, {
        teamId,
        key: `team-${i}-${teamId.slice(0, 8)}`,
        name: `Team ${i}`,
        function: 'QA',
      });
    };
    // Warm-up: consumer group joined, connections and statements ready.
    await roundTrip(
      stack,
      topics,
      Array.from({ length: 50 }, (_, i) => create(-i - 1)),
    );
    return await measureService(
      'teams',
      stack,
      topics,
      Array.from({ length: COMMANDS }, (_, i) => create(i)),
    );
  } finally {
    await stack.close();
  }
}

async function benchChecklists(brokers: string[], namespace: string): Promise<Row> {
  const stack = await startStack('checklists', brokers, namespace, startChecklists);
  try {
    const topics = { commands: Topics.checklistsCommands, events: Topics.checklistsEvents };
    const checklists = Array.from({ length: CHECKLISTS }, () => ({
      checklistId: newId(),
      items: Array.from({ length: ITEMS_PER_CHECKLIST }, () => newId()),
    }));
    const targetDate = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const open = checklists.map(({ checklistId, items }) =>
      command('OpenChecklist', checklistId, {
        checklistId,
        launchId: newId(),
        teamId: newId(),
        teamFunction: 'QA',
        templateId: null,
        templateVersion: null,
        targetDate,
        items: items.map((itemId, i) => ({
          itemId,
          title: `Item ${i}`,
          required: true,
          dueDaysBeforeLaunch: 1,
        })),
      }),
    );
    await roundTrip(stack, topics, open);
    // Round-robin over the checklists: each item ticked at most once (COMMANDS ≤ 2000 = 20 × 100).
    const ticks = Array.from({ length: Math.min(COMMANDS, CHECKLISTS * ITEMS_PER_CHECKLIST) }, (_, i) => {
      const { checklistId, items } = checklists[i % CHECKLISTS];
      return command('TickItem', checklistId, { checklistId, itemId: items[Math.floor(i / CHECKLISTS)] });
    });
    return await measureService('checklists', stack, topics, ticks);
  } finally {
    await stack.close();
  }
}

function formatRows(rows: readonly Row[]): string {
  const header = [
    'service',
    'commands',
    'seconds',
    'commands/s',
    'handle ms/cmd',
    'store ms/cmd',
    'store/handle',
    'store/wall',
  ];
  const body = rows.map((r) => [
    r.service,
    String(r.commands),
    r.seconds.toFixed(2),
    (r.commands / r.seconds).toFixed(0),
    (r.handleMs / r.commands).toFixed(2),
    (r.storeMs / r.commands).toFixed(2),
    `${((100 * r.storeMs) / r.handleMs).toFixed(0)}%`,
    `${((100 * r.storeMs) / (r.seconds * 1000)).toFixed(0)}%`,
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((cells) => cells[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export async function runCommandsBenchmark(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',').map((b) => b.trim());
  await waitForKafka(brokers, 5_000).catch((error: unknown) => {
    throw new Error(`No Kafka at ${brokers.join(',')} (run \`npm run infra:up\`): ${String(error)}`);
  });
  console.log(
    `Command pipeline benchmark: ${COMMANDS} commands per service, Kafka ${brokers.join(',')}, PostgreSQL\n`,
  );
  const rows: Row[] = [];
  // A namespace per service: the checklists service must not spend its time on the teams run's events.
  for (const bench of [benchTeams, benchChecklists]) {
    const namespace = `bench${randomBytes(4).toString('hex')}`;
    const topics = allTopicSpecs().map((spec) => ({ ...spec, name: `${namespace}.${spec.name}` }));
    await ensureTopics(brokers, topics);
    try {
      rows.push(await bench(brokers, namespace));
    } finally {
      await deleteTopics(
        brokers,
        topics.map((t) => t.name),
      );
    }
  }
  console.log(formatRows(rows));
}
